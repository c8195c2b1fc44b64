using Archive.Domain;
using Archive.Audit;
using Archive.Domain.Audit;
using Archive.Domain.Common;
using Archive.Grains.Interfaces;
using Archive.Grains.Storage;
using Archive.Store.Storage;
using Archive.Store.Audit;

namespace Archive.Grains.Audit;

/// <summary>
/// The single writer of the seal stream: seals what <see cref="SealableEvents"/> says may be sealed, signed with the
/// archive's key when it has one.
/// </summary>
public sealed class SealGrain(StreamStore storage, SealableEvents sealable, SealKey key) : StreamGrain<SealState>(storage), ISealGrain
{
    protected override string StreamKey => MerkleTree.SealStream;
    protected override SealState Initial => SealState.Empty;
    protected override SealState Apply(SealState state, object @event) => state.Apply(@event);

    private DateTimeOffset _activatedAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activatedAt = Clock.GetUtcNow();
        return base.OnActivateAsync(cancellationToken);
    }

    public Task<WriteResult> Seal(WriteContext context) => SealIfDue(1, TimeSpan.Zero, context);

    public async Task<WriteResult> SealIfDue(long maxEvents, TimeSpan maxAge, WriteContext context)
    {
        await ConfirmEvents();
        var state = Current;
        var (positions, hashes) = await sealable.After(state.LastToPosition);
        var waitedSince = state.LastSealedAt ?? _activatedAt;
        if (hashes.Count == 0 || (hashes.Count < maxEvents && Clock.GetUtcNow() - waitedSince < maxAge))
            return new WriteResult(StreamKey, Version, 0, false, []);

        var (number, from, to, root) = (state.Sealed + 1, state.LastToPosition + 1, positions[^1], MerkleTree.Root(hashes));
        var signature = key.Sign(SealText.Signed(number, from, to, hashes.Count, root, state.LastRoot));
        var seal = new SealRecorded(number, from, to, hashes.Count, root, state.LastRoot, signature, context.Principal, Clock.GetUtcNow());
        return await Commit(Decision.Accept(seal), context, StreamKey);
    }
}
