using Archive.Domain.Common;

namespace Archive.Grains.Interfaces;

/// <summary>
/// Who caused a write and which request it belongs to; recorded in every event's metadata. <see cref="Headers"/> are
/// further metadata the caller wants on each event (e.g. <c>candidate-rule</c> and <c>extractor-version</c> when a
/// statement was proposed by the extractor); names are lowercase words joined by hyphens, never <c>principal</c> or <c>hash</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WriteContext(
    [property: Id(0)] string Principal,
    [property: Id(1)] string? CorrelationId,
    [property: Id(2)] IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// The answer to a write: refused (with errors), unchanged (an idempotent repeat) or appended.
/// <see cref="Position"/> is the global event position the archive had reached for this stream when it answered,
/// so a reader can wait for projections to reach it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WriteResult(
    [property: Id(0)] string? Id,
    [property: Id(1)] long Version,
    [property: Id(2)] long Position,
    [property: Id(3)] bool Appended,
    [property: Id(4)] IReadOnlyList<DomainError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static WriteResult Refused(IReadOnlyList<DomainError> errors) => new(null, 0, 0, false, errors);
}
