using Archive.Domain.Common;
using Archive.Domain.Statements;

namespace Archive.Domain.Topics;

public sealed record FileStatement(string TopicId, string StatementId, string ActorId)
{
    public static Decision Handle(TopicState state, FileStatement command, CommandContext context)
    {
        if (!StatementIds.IsWellFormed(command.StatementId))
            return Decision.Refuse(DomainError.Invalid("statementId", "must be a statement id such as 'st-0123456789abcdef0123'"));
        if (!state.Exists) return Decision.NotFound("topicId", $"topic '{command.TopicId}' is not open");
        if (state.MergedInto is { } into) return Decision.Conflict("topicId", $"topic '{command.TopicId}' was merged into '{into}'; file the statement under '{into}'");
        if (state.Filed.ContainsKey(command.StatementId)) return Decision.NoOp;
        return Decision.Accept(new StatementFiled(command.TopicId, command.StatementId, command.ActorId, context.Principal, context.Now));
    }
}
