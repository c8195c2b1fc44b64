namespace Archive.Domain.Common;

/// <summary>
/// The outcome of a pure decision: either events to append (possibly none, for an idempotent repeat)
/// or the errors that refused the command. Never both.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, IReadOnlyList<DomainError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public bool IsNoOp => Succeeded && Events.Count == 0;

    public static Decision Accept(params object[] events) => new(events, []);
    public static Decision NoOp { get; } = new([], []);
    public static Decision Refuse(params DomainError[] errors) => new([], errors);
    public static Decision Refuse(IEnumerable<DomainError> errors) => new([], errors.ToArray());

    public static Decision NotFound(string field, string reason) => Refuse(DomainError.NotFound(field, reason));
    public static Decision Conflict(string field, string reason) => Refuse(DomainError.Conflict(field, reason));
}
