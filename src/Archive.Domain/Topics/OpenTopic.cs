using Archive.Domain.Common;

namespace Archive.Domain.Topics;

public sealed record OpenTopic(string TopicId, string Title, string? Description = null, string? ParentId = null)
{
    /// <param name="parentExists">Whether the parent topic is open (ignored when there is none).</param>
    public static Decision Handle(TopicState state, OpenTopic command, bool parentExists, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Slug(errors, "id", command.TopicId);
        Checks.Text(errors, "title", command.Title, 300);
        Checks.Text(errors, "description", command.Description, 5000, required: false, multiline: true);
        if (command.ParentId is not null)
        {
            Checks.Slug(errors, "parentId", command.ParentId);
            if (command.ParentId == command.TopicId) errors.Add(DomainError.Invalid("parentId", "a topic cannot be its own parent"));
        }
        if (errors.Count > 0) return Decision.Refuse(errors);

        if (state.Exists)
        {
            return state.Title == command.Title && state.Description == command.Description && state.ParentId == command.ParentId
                ? Decision.NoOp
                : Decision.Conflict("id", $"topic '{command.TopicId}' is already open with other details");
        }
        if (command.ParentId is not null && !parentExists) return Decision.NotFound("parentId", $"topic '{command.ParentId}' is not open");
        return Decision.Accept(new TopicOpened(command.TopicId, command.Title, command.Description, command.ParentId, context.Principal, context.Now));
    }
}
