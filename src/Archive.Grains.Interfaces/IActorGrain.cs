using Archive.Domain.Actors;
using Archive.Domain.Statements;

namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>actor:{id}</c>: the actor and every statement it made.</summary>
public interface IActorGrain : IGrainWithStringKey
{
    Task<WriteResult> Register(RegisterActor command, WriteContext context);
    Task<WriteResult> AssignRole(AssignRole command, WriteContext context);
    Task<WriteResult> AddAlias(AddAlias command, WriteContext context);
    Task<WriteResult> RecordStatement(RecordStatement command, WriteContext context);

    /// <summary>
    /// Records many statements of this actor in one append: each is decided on its own (in order, so a repeat
    /// within the list is a no-op) and answered on its own, in the order given; refused ones append nothing.
    /// </summary>
    Task<IReadOnlyList<WriteResult>> RecordStatements(IReadOnlyList<RecordStatement> commands, WriteContext context);
    Task<WriteResult> VerifyStatement(VerifyStatement command, WriteContext context);
    Task<WriteResult> AmendStatement(AmendStatement command, WriteContext context);
    Task<WriteResult> DisputeStatement(DisputeStatement command, WriteContext context);
    Task<WriteResult> RetractStatement(RetractStatement command, WriteContext context);

    /// <summary>Returns a retracted statement to the status it had before its retraction, with the reason.</summary>
    Task<WriteResult> ReinstateStatement(ReinstateStatement command, WriteContext context);

    /// <param name="targetActorId">The speaker of the target statement, whose grain confirms it exists.</param>
    Task<WriteResult> LinkStatement(LinkStatement command, string targetActorId, WriteContext context);

    /// <param name="supersededFromTarget">
    /// Every statement the target supersedes, directly or through others, across speakers: a <c>supersedes</c> link
    /// to a statement that reaches this one would close a cycle and is refused.
    /// </param>
    Task<WriteResult> LinkStatement(LinkStatement command, string targetActorId, IReadOnlyCollection<string> supersededFromTarget, WriteContext context);

    /// <summary>Removes a link (with one relation, or every relation to the target when none is named), with the reason.</summary>
    Task<WriteResult> UnlinkStatement(UnlinkStatement command, WriteContext context);

    Task<bool> Exists();
    Task<bool> HasStatement(string statementId);
}
