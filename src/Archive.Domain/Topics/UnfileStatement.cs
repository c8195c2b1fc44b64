using Archive.Domain.Common;

namespace Archive.Domain.Topics;

public sealed record UnfileStatement(string TopicId, string StatementId, string Reason)
{
    public static Decision Handle(TopicState state, UnfileStatement command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("topicId", $"topic '{command.TopicId}' is not open");
        // A retry of the same unfiling finds it done.
        if (state.UnfiledReasons.TryGetValue(command.StatementId, out var reason) && reason == command.Reason) return Decision.NoOp;
        if (!state.Filed.ContainsKey(command.StatementId))
            return Decision.NotFound("statementId", $"statement '{command.StatementId}' is not filed under topic '{command.TopicId}'");
        return Decision.Accept(new StatementUnfiled(command.TopicId, command.StatementId, command.Reason, context.Principal, context.Now));
    }
}
