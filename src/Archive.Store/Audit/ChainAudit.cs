using System.Runtime.CompilerServices;
using System.Text;
using Archive.Audit;
using Archive.Domain.Audit;
using Archive.Store.Events;
using Npgsql;

namespace Archive.Store.Audit;

/// <param name="Tombstones">Positions of appends that failed, which Marten filled with tombstones (see <see cref="Archive.Audit.Tombstones"/>): not archive content, counted and not chained.</param>
public sealed record VerificationReport(bool Intact, int Streams, long Events, int Seals, IReadOnlyList<ChainBreak> Broken, long Tombstones = 0);

/// <summary>
/// Reads the event store stream by stream and verifies each chain. Reading (PostgreSQL producing the rows, the API
/// copying them) and hashing both take processor time, so the streams are split by key into ranges of about equal
/// numbers of events, one per processor: each range has its own connection, and so its own PostgreSQL backend, and a
/// thread of its own that reads a stream and verifies it; while it verifies, its backend fills the socket with the
/// next rows. Only one stream per range is in memory at a time.
/// </summary>
/// <remarks>
/// The ranges cover every key, whether or not the stream table knows it: the first has no lower bound, the last no
/// upper one, and each ends where the next begins, in the database's own order of keys. Results are put together in
/// the ranges' order, which is the key order a single reading gave, so the report is the same whatever the number
/// of ranges. Each thread reads synchronously: it has nothing else to do while it waits. Handing rows and streams
/// between pool threads (their spinning and waking, a cancellation registration per asynchronous read) was the
/// largest part of the endpoint's profile before (docs/performance.md).
/// </remarks>
public static class ChainAudit
{
    public static Task<VerificationReport> Run(NpgsqlDataSource database, string schema, string? stream, CancellationToken ct) =>
        Run(database, schema, stream, Environment.ProcessorCount, ct);

    /// <param name="ranges">How many key ranges to read and verify at once (at least one); the report does not depend on it.</param>
    public static async Task<VerificationReport> Run(NpgsqlDataSource database, string schema, string? stream, int ranges, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ranges, 1);
        // the stream table in key order: the recorded versions, and where to split the keys
        var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
        var keys = new List<(string Key, long Version)>();
        await using (var versions = database.CreateCommand($"select id, version from {schema}.mt_streams" + (stream is null ? " order by id" : " where id = @s")))
        {
            if (stream is not null) versions.Parameters.AddWithValue("s", stream);
            await using var reader = await versions.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (key, version) = (reader.GetString(0), reader.GetInt64(1));
                recorded[key] = version;
                keys.Add((key, version));
            }
        }
        recorded.Remove(Tombstones.Stream); // Marten's own stream for failed appends' positions, whose events are counted below

        var bounds = stream is null ? Bounds(keys, ranges) : [];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var readers = Enumerable.Range(0, bounds.Count + 1).Select(i => Task.Factory.StartNew(
            () => VerifyRange(database, schema, stream, i == 0 ? null : bounds[i - 1], i == bounds.Count ? null : bounds[i], recorded, stop),
            stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            await Task.WhenAll(readers);
        }
        catch when (!ct.IsCancellationRequested)
        {
            // report what failed, not the cancellations it caused
            var failure = readers.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        var results = readers.SelectMany(r => r.Result.Results).ToList();
        var tombstones = readers.Sum(r => r.Result.Tombstones);
        // streams whose every event is gone
        foreach (var result in results) recorded.Remove(result.StreamKey);
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
        return new VerificationReport(broken.Count == 0, results.Count, results.Sum(r => r.Events), seals, broken, tombstones);
    }

    /// <summary>
    /// Keys where the ranges after the first begin: cut where the recorded versions (the events each stream holds)
    /// add up to about an equal share each. Fewer cuts when streams are too few or too large to share out.
    /// </summary>
    internal static List<string> Bounds(IReadOnlyList<(string Key, long Version)> keys, int ranges)
    {
        var bounds = new List<string>();
        var total = keys.Sum(k => Math.Max(k.Version, 0));
        long before = 0;
        foreach (var (key, version) in keys)
        {
            if (bounds.Count == ranges - 1) break;
            // this key begins a range when the events before it reach the next range's share
            if (before > 0 && before * ranges >= total * (bounds.Count + 1)) bounds.Add(key);
            before += Math.Max(version, 0);
        }
        return bounds;
    }

    private sealed record RangeResult(List<StreamVerification> Results, long Tombstones);

    /// <summary>
    /// Reads the events of the streams whose keys are in [<paramref name="from"/>, <paramref name="to"/>) (either
    /// end open when null), in stream order, and verifies each stream once it is whole. Each row arrives whole in
    /// the connection's buffer and its fields are copied from there as raw UTF-8 into the stream's own buffer: a
    /// string per body, decoded here and encoded again for hashing, was most of the reading's cost.
    /// </summary>
    private static RangeResult VerifyRange(NpgsqlDataSource database, string schema, string? stream, string? from, string? to,
        IReadOnlyDictionary<string, long> recorded, CancellationTokenSource stop)
    {
        var ct = stop.Token;
        var results = new List<StreamVerification>();
        long tombstones = 0;
        StoredStream? current = null;
        try
        {
            using var connection = database.OpenConnection();
            // jsonb in binary is a version byte and the text: PostgreSQL writes the text once as it sends the row,
            // where data::text was computed before the sort and the sort then spilled every body to disk. The unique
            // (stream_id, version) index gives the order without a sort, and the range's rows without a scan of the
            // others; no two events share a stream and version.
            var where = stream is not null ? "where stream_id = @s"
                : from is null && to is null ? ""
                : "where " + string.Join(" and ", new[] { from is null ? null : "stream_id >= @from", to is null ? null : "stream_id < @to" }.OfType<string>());
            using var command = new NpgsqlCommand($"""
                select seq_id, stream_id, version, type, data, headers ->> '{EventHash.Header}'
                from {schema}.mt_events {where}
                order by stream_id, version
                """, connection);
            if (stream is not null) command.Parameters.AddWithValue("s", stream);
            if (from is not null) command.Parameters.AddWithValue("from", from);
            if (to is not null) command.Parameters.AddWithValue("to", to);
            ct.ThrowIfCancellationRequested();
            using var cancel = ct.Register(() =>
            {
                try { command.Cancel(); } catch { /* the command has ended: nothing left to stop */ }
            });
            using var reader = command.ExecuteReader();
            var types = new List<(byte[] Utf8, string Text)>();
            byte[] key = new byte[256], currentKey = [], scratch = new byte[256];
            while (reader.Read())
            {
                var keyLength = Field(reader, 1, ref key);
                if (current is null || !key.AsSpan(0, keyLength).SequenceEqual(currentKey))
                {
                    if (current is not null) Verify(current);
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
                    tombstones++;
                }
            }
            if (current is not null) Verify(current);
            current = null;
            return new RangeResult(results, tombstones);

            void Verify(StoredStream whole)
            {
                current = null;
                using (whole)
                {
                    ct.ThrowIfCancellationRequested();
                    // a stream of tombstones only is counted, not a chain
                    if (whole.Count > 0) results.Add(whole.Verify(recorded.TryGetValue(whole.StreamKey, out var v) ? v : null));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // a read stopped by the cancellation above fails as PostgreSQL's "canceling statement": say what it was
            if (ct.IsCancellationRequested) throw new OperationCanceledException("the verification was cancelled", e, ct);
            stop.Cancel(); // a range that fails stops the others: their reads end at once
            throw;
        }
        finally
        {
            current?.Dispose();
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
