using Archive.Domain;
using Archive.Domain.Audit;
using Archive.Domain.Common;
using Archive.Grains.Storage;
using Npgsql;

namespace Archive.Grains.Audit;

/// <summary>
/// Seals only positions at or below the store's high-water mark: every transaction below it has committed or was
/// abandoned, so no event can later appear inside a sealed range.
/// </summary>
public sealed class SealGrain : StreamGrain<SealState>, ISealGrain
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
        var schema = Store.Options.Events.DatabaseSchemaName;
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select seq_id, headers ->> '{EventHash.Header}' from {schema}.mt_events
            where seq_id > @after and stream_id <> @seals
              and seq_id <= (select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = 'HighWaterMark')
            order by seq_id
            """, connection);
        command.Parameters.AddWithValue("after", state.LastToPosition);
        command.Parameters.AddWithValue("seals", MerkleTree.SealStream);
        var positions = new List<long>();
        var hashes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                positions.Add(reader.GetInt64(0));
                hashes.Add(reader.IsDBNull(1) ? Archive.Domain.Audit.Tombstones.SealLeaf : reader.GetString(1));
            }
        }
        var waitedSince = state.LastSealedAt ?? _activatedAt;
        if (hashes.Count == 0 || (hashes.Count < maxEvents && Clock.GetUtcNow() - waitedSince < maxAge))
            return new WriteResult(StreamKey, Version, 0, false, []);

        var (number, from, to, root) = (state.Sealed + 1, state.LastToPosition + 1, positions[^1], MerkleTree.Root(hashes));
        var signature = ServiceProvider.GetService(typeof(SealKey)) is SealKey key
            ? key.Sign(SealRecorded.SignedText(number, from, to, hashes.Count, root, state.LastRoot))
            : null;
        var seal = new SealRecorded(number, from, to, hashes.Count, root, state.LastRoot, signature, context.Principal, Clock.GetUtcNow());
        return await Commit(Decision.Accept(seal), context, StreamKey);
    }
}
