namespace Archive.Domain.Audit;

/// <summary>What the seal stream says: how many seals, through which position, and the last root.</summary>
public sealed record SealState(long Sealed, long LastToPosition, string? LastRoot, DateTimeOffset? LastSealedAt)
{
    public static readonly SealState Empty = new(0, 0, null, null);

    public SealState Apply(object @event) => @event is SealRecorded e ? new SealState(e.Number, e.ToPosition, e.MerkleRoot, e.SealedAt) : this;
}
