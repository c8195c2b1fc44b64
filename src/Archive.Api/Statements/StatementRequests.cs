using System.ComponentModel.DataAnnotations;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Statements;

namespace Archive.Api.Statements;

public sealed record SpanRequest([property: Required] int? Start, [property: Required] int? End);

/// <summary>A statement to record; <see cref="Span"/> may be omitted when the quote occurs exactly once in the source.</summary>
public sealed record RecordStatementRequest(
    [property: Required] string? ActorId, [property: Required] string? SourceId, [property: Required] string? Quote, SpanRequest? Span,
    [property: Required] string? QuoteKind, [property: Required] DateOnly? SaidOn,
    string? Occasion, List<string>? Topics, string? Language, List<string>? CoSpeakers);

public sealed record VerifyStatementRequest([property: Required] string? Method, string? Note);

/// <summary>Only what changes; a new <see cref="Quote"/> without a <see cref="Span"/> is found in the source.</summary>
public sealed record AmendStatementRequest(
    [property: Required] string? Reason, string? Quote, SpanRequest? Span, DateOnly? SaidOn, string? Occasion, string? QuoteKind, string? Language);

public sealed record ReasonRequest([property: Required] string? Reason);

public sealed record LinkStatementRequest([property: Required] string? TargetId, [property: Required] string? Relation);

/// <summary>Without a <see cref="Relation"/>, every link from the statement to the target is removed.</summary>
public sealed record UnlinkStatementRequest([property: Required] string? Reason, string? Relation);

/// <summary>
/// A recorded (or already recorded) statement: the write's id, version and position, and where it stands in its source:
/// the span (in code points, found in the source when none was sent) and the quote as the source has it.
/// </summary>
public sealed record StatementWritten(string Id, long Version, long Position, TextSpan Span, string Quote);

/// <summary>Turns a request to record a statement into the command the speaker's grain decides, or every reason it cannot.</summary>
public static class RecordRequests
{
    /// <summary>
    /// The command, or the errors: what the API checks before it can route the request (the speaker's id, the source
    /// id, a half-given span) together with everything the decision would refuse on its own fields, all at once.
    /// </summary>
    public static (RecordStatement? Command, IReadOnlyList<DomainError> Errors) ToCommand(RecordStatementRequest? request, CommandContext context)
    {
        if (request is null) return (null, [DomainError.Invalid("body", "the item must be a statement, not null")]);
        var errors = new List<DomainError>();
        Checks.Slug(errors, "actorId", request.ActorId);
        if (request.SourceId is null) errors.Add(DomainError.Invalid("sourceId", "is required"));
        var span = ToSpan(request.Span, errors);
        var command = new RecordStatement(request.ActorId ?? "", request.SourceId ?? "", request.Quote!, span, request.QuoteKind!,
            request.SaidOn, request.Occasion, request.Topics, request.Language, request.CoSpeakers);
        if (errors.Count == 0) return (command, []);
        var decided = RecordStatement.Handle(ActorState.Empty, command, new RecordingContext(null, new HashSet<string>(), new HashSet<string>()), context);
        return (null, Http.Requests.Distinct(errors.Concat(Http.Requests.InvalidFields(decided))));
    }

    /// <summary>The span sent, or null when none was; a span missing one of its ends is an error on that end.</summary>
    public static TextSpan? ToSpan(SpanRequest? span, List<DomainError> errors)
    {
        if (span is null) return null;
        if (span.Start is null) errors.Add(DomainError.Invalid("span.start", "is required"));
        if (span.End is null) errors.Add(DomainError.Invalid("span.end", "is required"));
        return span is { Start: { } start, End: { } end } ? new TextSpan(start, end) : null;
    }
}
