using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archive.Benchmarks.Harness;
using Archive.Benchmarks.Payloads;
using Archive.Domain.Statements;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Benchmarks.Raw;

/// <summary>
/// What PostgreSQL alone does with the archive's statement events: rows shaped like Marten's mt_events (bigserial
/// position, text stream id, version, type, jsonb body and headers, timestamptz, unique (stream, version)), written
/// one per transaction (R1), 100 per multi-row insert (R2) and by binary COPY (R3). The archive's figures are
/// read against these, measured in the same run on the same server.
/// </summary>
public sealed class RawBaseline(string connectionString, Corpus corpus)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const int Streams = 64;

    private sealed record Row(string Stream, int Version, string Data, string Headers);

    /// <summary>Rows for <paramref name="count"/> statements spread over 64 actor streams, versions counted per stream.</summary>
    private List<Row> Rows(int count, int repetition)
    {
        var versions = new int[Streams];
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var s = i % Streams;
            var actor = $"raw-{repetition}-{s:000}";
            var command = corpus.Statement(actor, i / Streams);
            var recorded = new StatementRecorded(actor, command.StatementId!, command.Quote, command.QuoteKind, command.SaidOn!.Value,
                command.Occasion, command.SourceId, command.Span!, [], "en", [], "bench", DateTimeOffset.UtcNow);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(command.StatementId!)));
            rows.Add(new Row($"actor:{actor}", ++versions[s], JsonSerializer.Serialize(recorded, Json),
                $$"""{"principal":"bench","hash":"{{hash}}"}"""));
        }
        return rows;
    }

    public async Task<string> CreateTable()
    {
        var table = $"bench_raw_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            create table {table} (
              seq_id bigserial primary key, id uuid not null, stream_id text not null, version integer not null,
              type varchar(500) not null, data jsonb not null, headers jsonb, "timestamp" timestamptz not null default now(),
              unique (stream_id, version))
            """, connection);
        await command.ExecuteNonQueryAsync();
        return table;
    }

    public async Task Drop(string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop table if exists {table}", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>R1: each of 16 connections inserts one row per transaction (its own streams, so no conflicts).</summary>
    public Task<Repetition> OnePerTransaction(int count, int connections, int repetition) =>
        Run(count, connections, repetition, 1, async (connection, table, rows) =>
        {
            var r = rows[0];
            await using var command = new NpgsqlCommand(
                $"insert into {table} (id, stream_id, version, type, data, headers) values (gen_random_uuid(), @s, @v, 'statement_recorded', @d::jsonb, @h::jsonb)", connection);
            command.Parameters.AddWithValue("s", r.Stream);
            command.Parameters.AddWithValue("v", r.Version);
            command.Parameters.AddWithValue("d", r.Data);
            command.Parameters.AddWithValue("h", r.Headers);
            await command.ExecuteNonQueryAsync();
        });

    /// <summary>R2: 100 rows per transaction in one multi-row insert, 16 connections.</summary>
    public Task<Repetition> Batched(int count, int connections, int repetition, int perTransaction = 100) =>
        Run(count, connections, repetition, perTransaction, async (connection, table, rows) =>
        {
            await using var command = new NpgsqlCommand($"""
                insert into {table} (id, stream_id, version, type, data, headers)
                select gen_random_uuid(), s, v, 'statement_recorded', d::jsonb, h::jsonb from unnest(@s, @v, @d, @h) as t(s, v, d, h)
                """, connection);
            command.Parameters.AddWithValue("s", rows.Select(r => r.Stream).ToArray());
            command.Parameters.AddWithValue("v", rows.Select(r => r.Version).ToArray());
            command.Parameters.AddWithValue("d", rows.Select(r => r.Data).ToArray());
            command.Parameters.AddWithValue("h", rows.Select(r => r.Headers).ToArray());
            await command.ExecuteNonQueryAsync(); // one statement: its own transaction
        });

    /// <summary>R3: binary COPY on one connection, 10,000 rows per COPY.</summary>
    public Task<Repetition> Copy(int count, int repetition) =>
        Run(count, 1, repetition, 10_000, async (connection, table, rows) =>
        {
            await using var writer = await connection.BeginBinaryImportAsync(
                $"copy {table} (id, stream_id, version, type, data, headers) from stdin (format binary)");
            foreach (var r in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(r.Stream, NpgsqlDbType.Text);
                await writer.WriteAsync(r.Version, NpgsqlDbType.Integer);
                await writer.WriteAsync("statement_recorded", NpgsqlDbType.Varchar);
                await writer.WriteAsync(r.Data, NpgsqlDbType.Jsonb);
                await writer.WriteAsync(r.Headers, NpgsqlDbType.Jsonb);
            }
            await writer.CompleteAsync();
        });

    /// <summary>
    /// Splits the rows among connections by stream (so one stream's versions stay in order on one connection) and
    /// writes them in chunks; the value is rows per second, latencies are per chunk.
    /// </summary>
    private async Task<Repetition> Run(int count, int connections, int repetition, int chunk, Func<NpgsqlConnection, string, IReadOnlyList<Row>, Task> write)
    {
        var rows = Rows(count, repetition);
        var table = await CreateTable();
        try
        {
            var perConnection = Enumerable.Range(0, connections)
                .Select(c => rows.Where((r, i) => i % Streams % connections == c).Chunk(chunk).ToArray()).ToArray();
            var latencies = new Latencies();
            var opened = await Task.WhenAll(perConnection.Select(async _ =>
            {
                var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                return connection;
            }));
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(perConnection.Select((chunks, c) => Task.Run(async () =>
            {
                var mine = latencies.Worker();
                foreach (var part in chunks) await Latencies.Time(mine, async () => { await write(opened[c], table, part); return 0; });
            })));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            foreach (var connection in opened) await connection.DisposeAsync();
            return new Repetition(count / seconds, latencies.All());
        }
        finally
        {
            await Drop(table);
        }
    }
}
