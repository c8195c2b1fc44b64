using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Archive.Audit;
using Archive.Domain.Audit;
using Archive.Store.Events;
using Npgsql;

namespace Archive.Store.Audit;

/// <param name="Tombstones">Positions of appends that failed, which Marten filled with tombstones (see <see cref="Archive.Audit.Tombstones"/>): not archive content, counted and not chained.</param>
public sealed record VerificationReport(bool Intact, int Streams, long Events, int Seals, IReadOnlyList<ChainBreak> Broken, long Tombstones = 0);

/// <summary>
/// Reads the event store stream by stream and verifies each chain. Reading and hashing both take processor time,
/// so one reader hands whole streams through a bounded channel to a worker per processor: the two overlap instead
/// of taking turns, and the channel's bound keeps only a few streams in memory at a time.
/// </summary>
public static class ChainAudit
{
    /// <summary>One stream's events as read, numbered in reading order so the results keep that order.</summary>
    private sealed record StreamEvents(int Index, string Stream, List<StoredEvent> Events, long? Recorded);

    public static async Task<VerificationReport> Run(NpgsqlDataSource database, string schema, string? stream, CancellationToken ct)
    {
        var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var versions = database.CreateCommand($"select id, version from {schema}.mt_streams" + (stream is null ? "" : " where id = @s")))
        {
            if (stream is not null) versions.Parameters.AddWithValue("s", stream);
            await using var reader = await versions.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) recorded[reader.GetString(0)] = reader.GetInt64(1);
        }
        recorded.Remove(Tombstones.Stream); // Marten's own stream for failed appends' positions, whose events are counted below
        var tombstones = new StrongBox<long>();

        var streams = Channel.CreateBounded<StreamEvents>(new BoundedChannelOptions(4 * Environment.ProcessorCount)
        {
            SingleWriter = true, SingleReader = false,
        });
        // a failure anywhere stops the rest: the reader may be waiting on a full channel, the workers on an empty one
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = ReadStreams(database, schema, stream, recorded, tombstones, streams.Writer, stop);
        var workers = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Task.Run(() => VerifyStreams(streams.Reader, stop), stop.Token)).ToArray();
        try
        {
            await Task.WhenAll([reading, .. workers]);
        }
        catch when (!ct.IsCancellationRequested)
        {
            // report what failed, not the cancellations it caused
            var failure = workers.Prepend(reading).Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        var results = workers.SelectMany(w => w.Result).OrderBy(r => r.Index).Select(r => r.Result).ToList();
        // streams whose every event is gone
        results.AddRange(recorded.Select(r => ChainVerifier.Verify(r.Key, [], r.Value)));

        var broken = results.Where(r => !r.Intact).Select(r => r.Break!).ToList();
        var seals = 0;
        if (stream is null)
        {
            var (count, sealBreak) = await VerifySeals(database, schema, ct);
            seals = count;
            if (sealBreak is not null && broken.All(b => b.StreamKey != MerkleTree.SealStream)) broken.Add(sealBreak);
        }
        broken.Sort((a, b) => string.CompareOrdinal(a.StreamKey, b.StreamKey));
        return new VerificationReport(broken.Count == 0, results.Count, results.Sum(r => r.Events), seals, broken, tombstones.Value);
    }

    /// <summary>Reads every stream's events, in stream order, and queues each stream once it is whole.</summary>
    private static async Task ReadStreams(NpgsqlDataSource database, string schema, string? stream, Dictionary<string, long> recorded,
        StrongBox<long> tombstones, ChannelWriter<StreamEvents> streams, CancellationTokenSource stop)
    {
        var ct = stop.Token;
        try
        {
            await using var command = database.CreateCommand($"""
                select seq_id, stream_id, version, type, data::text, headers ->> '{EventHash.Header}'
                from {schema}.mt_events {(stream is null ? "" : "where stream_id = @s")}
                order by stream_id, version, seq_id
                """);
            if (stream is not null) command.Parameters.AddWithValue("s", stream);
            await using var reader = await command.ExecuteReaderAsync(ct);
            string? current = null;
            var batch = new List<StoredEvent>();
            var index = 0;
            async ValueTask Flush()
            {
                if (current is null) return;
                // the reader alone touches the recorded versions: what is left afterwards are streams without events
                await streams.WriteAsync(new StreamEvents(index++, current, batch, recorded.Remove(current, out var v) ? v : null), ct);
                batch = [];
            }
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetString(1);
                var (type, body, hash) = (reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
                if (Tombstones.Is(key, type, body, hash))
                {
                    tombstones.Value++;
                    continue;
                }
                if (key != current) { await Flush(); current = key; }
                batch.Add(new StoredEvent(reader.GetInt64(0), key, reader.GetInt64(2), type, body, hash));
            }
            await Flush();
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            streams.TryComplete();
        }
    }

    private static async Task<List<(int Index, StreamVerification Result)>> VerifyStreams(ChannelReader<StreamEvents> streams, CancellationTokenSource stop)
    {
        var results = new List<(int, StreamVerification)>();
        try
        {
            await foreach (var s in streams.ReadAllAsync(stop.Token))
                results.Add((s.Index, ChainVerifier.Verify(s.Stream, s.Events, s.Recorded)));
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        return results;
    }

    /// <summary>Recomputes each seal's Merkle root from the hashes of the events it covers, as they are stored now.</summary>
    private static async Task<(int Seals, ChainBreak? First)> VerifySeals(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        var seals = await EventRecords.Read(database,
            $"select {EventRecords.Columns} from {schema}.mt_events where stream_id = @s order by version",
            p => p.AddWithValue("s", MerkleTree.SealStream), ct);
        string? previousRoot = null;
        long previousTo = 0;
        foreach (var entry in seals)
        {
            if (EventRecords.ToEvent(entry) is not SealRecorded seal) continue;
            ChainBreak Broken(string problem, string expected, string found) =>
                new(MerkleTree.SealStream, entry.Version, $"seal {seal.Number} over positions {seal.FromPosition}-{seal.ToPosition}: {problem}", expected, found);
            if (seal.FromPosition != previousTo + 1 || seal.PreviousSealRoot != previousRoot)
                return (seals.Count, Broken("does not follow the previous seal", $"from {previousTo + 1} after root {previousRoot}", $"from {seal.FromPosition} after root {seal.PreviousSealRoot}"));
            await using var command = database.CreateCommand($"""
                select seq_id, headers ->> '{EventHash.Header}' from {schema}.mt_events
                where seq_id between @from and @to and stream_id <> @s order by seq_id
                """);
            command.Parameters.AddWithValue("from", seal.FromPosition);
            command.Parameters.AddWithValue("to", seal.ToPosition);
            command.Parameters.AddWithValue("s", MerkleTree.SealStream);
            var hashes = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) hashes.Add(reader.IsDBNull(1) ? Tombstones.SealLeaf : reader.GetString(1));
            if (hashes.Count != seal.Events)
                return (seals.Count, Broken("the number of events changed", $"{seal.Events} events", $"{hashes.Count} events"));
            var root = MerkleTree.Root(hashes);
            if (root != seal.MerkleRoot)
                return (seals.Count, Broken("the events' hashes no longer give the sealed Merkle root", seal.MerkleRoot, root));
            previousRoot = seal.MerkleRoot;
            previousTo = seal.ToPosition;
        }
        return (seals.Count, null);
    }
}
