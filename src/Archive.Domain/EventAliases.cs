using Archive.Domain.Actors;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;

namespace Archive.Domain;

/// <summary>
/// Stable names under which events are stored, so classes can be renamed freely. A changed event
/// shape gets a new alias and an upcaster; an alias is never reused.
/// </summary>
public static class EventAliases
{
    public static readonly IReadOnlyDictionary<Type, string> ByType = new Dictionary<Type, string>
    {
        [typeof(ActorRegistered)] = "actor_registered",
        [typeof(ActorRoleAssigned)] = "actor_role_assigned",
        [typeof(ActorAliasAdded)] = "actor_alias_added",
        [typeof(StatementRecorded)] = "statement_recorded",
        [typeof(StatementVerified)] = "statement_verified",
        [typeof(StatementAmended)] = "statement_amended",
        [typeof(StatementDisputed)] = "statement_disputed",
        [typeof(StatementRetracted)] = "statement_retracted",
        [typeof(StatementLinked)] = "statement_linked",
        [typeof(StatementUnlinked)] = "statement_unlinked",
        [typeof(StatementReinstated)] = "statement_reinstated",
        [typeof(TopicOpened)] = "topic_opened",
        [typeof(TopicRenamed)] = "topic_renamed",
        [typeof(TopicMerged)] = "topic_merged",
        [typeof(StatementFiled)] = "statement_filed",
        [typeof(StatementUnfiled)] = "statement_unfiled",
        [typeof(SourceRegistered)] = "source_registered",
        [typeof(SourceCorrected)] = "source_corrected",
        [typeof(Audit.SealRecorded)] = "seal_recorded",
    };
}
