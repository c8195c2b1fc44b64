using Archive.Domain.Common;

namespace Archive.Domain.Topics;

public sealed record RenameTopic(string TopicId, string Title)
{
    public static Decision Handle(TopicState state, RenameTopic command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "title", command.Title, 300);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("topicId", $"topic '{command.TopicId}' is not open");
        if (state.Title == command.Title) return Decision.NoOp;
        if (state.MergedInto is { } into) return Decision.Conflict("topicId", $"topic '{command.TopicId}' was merged into '{into}'; rename '{into}' instead");
        return Decision.Accept(new TopicRenamed(command.TopicId, command.Title, context.Principal, context.Now));
    }
}
