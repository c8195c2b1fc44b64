using Archive.Domain.Common;

namespace Archive.Domain.Topics;

/// <summary>What the merged topic's grain learns about the topic it merges into before it decides.</summary>
/// <param name="Exists">Whether that topic is open.</param>
/// <param name="MergedInto">Where that topic itself went, when it was merged too.</param>
public sealed record MergeTarget(bool Exists, string? MergedInto = null);

/// <summary>
/// Merges a topic into another: afterwards it refuses new filings (and renames) and says where it went. Statements
/// already filed under it stay filed there; the decision moves nothing between streams.
/// </summary>
public sealed record MergeTopic(string TopicId, string IntoTopicId, string Reason)
{
    public static Decision Handle(TopicState state, MergeTopic command, MergeTarget into, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Slug(errors, "intoTopicId", command.IntoTopicId);
        if (command.IntoTopicId == command.TopicId) errors.Add(DomainError.Invalid("intoTopicId", "a topic cannot be merged into itself"));
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (!state.Exists) return Decision.NotFound("topicId", $"topic '{command.TopicId}' is not open");
        if (state.MergedInto is { } already)
        {
            return already == command.IntoTopicId
                ? Decision.NoOp
                : Decision.Conflict("topicId", $"topic '{command.TopicId}' was already merged into '{already}'");
        }
        if (!into.Exists) return Decision.NotFound("intoTopicId", $"topic '{command.IntoTopicId}' is not open");
        // Merging only into a topic that is still in use also rules out cycles of merges.
        if (into.MergedInto is { } further)
            return Decision.Conflict("intoTopicId", $"topic '{command.IntoTopicId}' was merged into '{further}'; merge into '{further}' instead");
        return Decision.Accept(new TopicMerged(command.TopicId, command.IntoTopicId, command.Reason, context.Principal, context.Now));
    }
}
