using System.Runtime.CompilerServices;
using System.Text;
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
    private sealed record StreamEvents(int Index, StoredStream Events, long? Recorded);

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

    /// <summary>
    /// Reads every stream's events, in stream order, and queues each stream once it is whole. Each row arrives whole
    /// in the connection's buffer and its fields are copied from there as raw UTF-8 into the stream's own buffer: a
    /// string per body, decoded here and encoded again for hashing, was most of the reading's cost.
    /// </summary>
    private static async Task ReadStreams(NpgsqlDataSource database, string schema, string? stream, Dictionary<string, long> recorded,
        StrongBox<long> tombstones, ChannelWriter<StreamEvents> streams, CancellationTokenSource stop)
    {
        var ct = stop.Token;
        StoredStream? current = null;
        try
        {
            // jsonb in binary is a version byte and the text: PostgreSQL writes the text once as it sends the row,
            // where data::text was computed before the sort and the sort then spilled every body to disk. The unique
            // (stream_id, version) index gives the order without a sort; no two events share a stream and version.
            await using var command = database.CreateCommand($"""
                select seq_id, stream_id, version, type, data, headers ->> '{EventHash.Header}'
                from {schema}.mt_events {(stream is null ? "" : "where stream_id = @s")}
                order by stream_id, version
                """);
            if (stream is not null) command.Parameters.AddWithValue("s", stream);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var types = new List<(byte[] Utf8, string Text)>();
            var index = 0;
            byte[] key = new byte[256], currentKey = [], scratch = new byte[256];
            while (await reader.ReadAsync(ct))
            {
                var keyLength = Field(reader, 1, ref key);
                if (current is null || !key.AsSpan(0, keyLength).SequenceEqual(currentKey))
                {
                    if (current is not null) await Flush(current);
                    currentKey = key[..keyLength];
                    current = new StoredStream(Encoding.UTF8.GetString(currentKey));
                }
                var type = Type(types, scratch.AsSpan(0, Field(reader, 3, ref scratch)));
                var bodyLength = Body(reader, current, scratch);
                var hashLength = reader.IsDBNull(5) ? -1 : Into(reader, 5, current);
                current.Add(reader.GetInt64(0), reader.GetInt64(2), type, bodyLength, hashLength);
                // a failed append's filler carries no hash; one with a hash is not a tombstone, whatever it holds
                if (hashLength < 0 && current.StreamKey == Tombstones.Stream && Tombstones.Is(current.StreamKey, type, current.LastBody, null))
                {
                    current.RemoveLast();
                    tombstones.Value++;
                }
            }
            if (current is not null) await Flush(current);
            current = null;

            async ValueTask Flush(StoredStream whole)
            {
                current = null; // the channel owns it from here, or the catch below disposes it
                if (whole.Count == 0)
                {
                    whole.Dispose(); // a stream of tombstones only: counted, not a chain
                    return;
                }
                try
                {
                    // the reader alone touches the recorded versions: what is left afterwards are streams without events
                    await streams.WriteAsync(new StreamEvents(index++, whole, recorded.Remove(whole.StreamKey, out var v) ? v : null), ct);
                }
                catch
                {
                    whole.Dispose();
                    throw;
                }
            }
        }
        catch
        {
            current?.Dispose();
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            streams.TryComplete();
        }
    }

    /// <summary>A short text field's bytes into <paramref name="buffer"/>, grown as needed; answers the length.</summary>
    private static int Field(NpgsqlDataReader reader, int ordinal, ref byte[] buffer)
    {
        using var field = reader.GetStream(ordinal);
        var length = (int)field.Length;
        if (buffer.Length < length) buffer = new byte[length];
        field.ReadExactly(buffer, 0, length);
        return length;
    }

    /// <summary>An event type's text: a store holds few, so each is decoded once.</summary>
    private static string Type(List<(byte[] Utf8, string Text)> types, ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, text) in types)
            if (utf8.SequenceEqual(bytes)) return text;
        var type = Encoding.UTF8.GetString(utf8);
        if (types.Count < 256) types.Add((utf8.ToArray(), type));
        return type;
    }

    /// <summary>The body's JSON text into the stream's buffer: jsonb's binary form is a format version (1), then the text.</summary>
    private static int Body(NpgsqlDataReader reader, StoredStream into, byte[] scratch)
    {
        using var field = reader.GetStream(4);
        var length = (int)field.Length - 1;
        field.ReadExactly(scratch, 0, 1);
        if (scratch[0] != 1) throw new NotSupportedException($"jsonb's binary format {scratch[0]} is not one the audit knows");
        field.ReadExactly(into.Reserve(length));
        into.Advance(length);
        return length;
    }

    private static int Into(NpgsqlDataReader reader, int ordinal, StoredStream into)
    {
        using var field = reader.GetStream(ordinal);
        var length = (int)field.Length;
        field.ReadExactly(into.Reserve(length));
        into.Advance(length);
        return length;
    }

    private static async Task<List<(int Index, StreamVerification Result)>> VerifyStreams(ChannelReader<StreamEvents> streams, CancellationTokenSource stop)
    {
        var results = new List<(int, StreamVerification)>();
        try
        {
            await foreach (var s in streams.ReadAllAsync(stop.Token))
            {
                using (s.Events) results.Add((s.Index, s.Events.Verify(s.Recorded)));
            }
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
