using System.Text;
using Archive.Audit;
using Archive.Domain.Audit;
using Archive.Store.Events;
using Npgsql;

namespace Archive.Store.Audit;

/// <param name="Tombstones">Positions of appends that failed, which Marten filled with tombstones (see <see cref="Archive.Audit.Tombstones"/>): not archive content, counted and not chained.</param>
public sealed record VerificationReport(bool Intact, int Streams, long Events, int Seals, IReadOnlyList<ChainBreak> Broken, long Tombstones = 0);

/// <summary>
/// Reads the event store stream by stream and verifies each chain. One PostgreSQL backend produces the rows (about
/// 3 µs of its CPU per event) while one thread here reads them from a binary COPY and verifies each stream as soon as
/// it is whole (about 2.5 µs per event): the two run side by side on two cores, and no stream is handed between
/// threads, where a reader feeding a worker per processor through a channel spent half its working time in the
/// thread pool's spinning and waking.
/// </summary>
public static class ChainAudit
{
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

        // a thread of its own, blocking on the socket between blocks of rows, rather than a pool thread that spins
        var (results, tombstones) = await Task.Factory.StartNew(() => ReadAndVerify(database, schema, stream, recorded, ct),
            ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
        return new VerificationReport(broken.Count == 0, results.Count, results.Sum(r => r.Events), seals, broken, tombstones);
    }

    /// <summary>
    /// Reads every stream's events, in stream order, and verifies each stream once it is whole; removes the streams
    /// it read from <paramref name="recorded"/>. Only what the hash and the report need is read, in PostgreSQL's
    /// binary COPY format: the fields are copied as raw UTF-8 from the copy's buffer into the stream's own buffer.
    /// </summary>
    private static (List<StreamVerification> Results, long Tombstones) ReadAndVerify(NpgsqlDataSource database, string schema, string? stream,
        Dictionary<string, long> recorded, CancellationToken ct)
    {
        var results = new List<StreamVerification>();
        long tombstones = 0;
        StoredStream? current = null;
        try
        {
            // In the unique (stream_id, version) index's order: no sort, and no two events share a stream and
            // version. jsonb in binary is a format version byte and the text, written once as the row is sent.
            // COPY takes no parameters: one stream's key goes in as a literal.
            using var connection = database.OpenConnection();
            using var copy = connection.BeginRawBinaryCopy($"""
                copy (select stream_id, version, type, data, headers ->> '{EventHash.Header}'
                from {schema}.mt_events {(stream is null ? "" : $"where stream_id = {Literal(stream)}")}
                order by stream_id, version) to stdout (format binary)
                """);
            var rows = new BinaryCopyReader(copy);
            rows.ReadHeader();
            var types = new List<(byte[] Utf8, string Text)>();
            long row = 0;
            byte[] currentKey = [];
            int fields;
            while ((fields = rows.NextRow()) >= 0)
            {
                ct.ThrowIfCancellationRequested();
                if (fields != 5) throw new InvalidDataException($"the events' copy has {fields} fields in a row, not 5");
                var keyLength = rows.Field();
                if (current is null || !rows.Available[..keyLength].SequenceEqual(currentKey))
                {
                    if (current is not null) Verify(current);
                    currentKey = rows.Available[..keyLength].ToArray();
                    current = new StoredStream(Encoding.UTF8.GetString(currentKey));
                }
                rows.Take(keyLength);
                if (rows.Field() != 8) throw new InvalidDataException("an event's version is not a bigint");
                var version = rows.TakeInt64();
                var typeLength = rows.Field();
                var type = Type(types, rows.Available[..typeLength]);
                rows.Take(typeLength);
                var bodyLength = rows.FieldLength() - 1;
                if (bodyLength < 0) throw new InvalidDataException("an event without a body");
                if (rows.TakeByte() is var format and not 1) throw new NotSupportedException($"jsonb's binary format {format} is not one the audit knows");
                rows.CopyTo(bodyLength, current);
                var hashLength = rows.FieldLength();
                if (hashLength > 0) rows.CopyTo(hashLength, current);
                // the row's number in reading order stands for its position: within a stream, that is version order
                current.Add(++row, version, type, bodyLength, hashLength);
                // a failed append's filler carries no hash; one with a hash is not a tombstone, whatever it holds
                if (hashLength < 0 && current.StreamKey == Tombstones.Stream && Tombstones.Is(current.StreamKey, type, current.LastBody, null))
                {
                    current.RemoveLast();
                    tombstones++;
                }
            }
            if (current is not null) Verify(current);
            return (results, tombstones);
        }
        finally
        {
            current?.Dispose();
        }

        void Verify(StoredStream whole)
        {
            current = null;
            using (whole)
            {
                // a stream of tombstones only is counted, not a chain
                if (whole.Count > 0) results.Add(whole.Verify(recorded.Remove(whole.StreamKey, out var v) ? v : null));
            }
        }
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

    /// <summary>A string literal of SQL in the escape form, which reads the same whatever standard_conforming_strings says.</summary>
    private static string Literal(string text) => "E'" + text.Replace(@"\", @"\\").Replace("'", "''") + "'";

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
