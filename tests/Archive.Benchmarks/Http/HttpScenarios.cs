using System.Diagnostics;
using System.Net;
using Archive.Benchmarks.Harness;
using Archive.Benchmarks.Payloads;
using Archive.Domain.Statements;
using Npgsql;

namespace Archive.Benchmarks.Http;

/// <summary>Scenarios through the real API over loopback HTTP: P2, P3, P4, P5, P7 and the memory figure.</summary>
public sealed class HttpScenarios(string connectionString, Corpus corpus, ApiProcess api, ApiClient client)
{
    public BatchPath? Batch { get; private set; }

    public async Task Prepare(IEnumerable<string> actors)
    {
        Batch = await BatchPath.Find(client);
        foreach (var chunk in corpus.Sources.Chunk(16))
            await Task.WhenAll(chunk.Select(s => Must(client.Post("/api/sources", Corpus.RegisterBody(s)), $"source {s.Id}")));
        await RegisterActors(actors, 32);
    }

    public async Task<(double Seconds, double[] Latencies)> RegisterActors(IEnumerable<string> actors, int clients)
    {
        var names = actors.ToArray();
        var (seconds, latencies, failures) = await Stats.Drive(names.Length, clients, async (i, into) =>
            (await Latencies.Time(into, () => client.Post("/api/actors", new { id = names[i], name = $"Speaker {names[i]}", kind = "person", country = "PK" })))
            .Status is HttpStatusCode.Created or HttpStatusCode.OK);
        if (failures > 0) throw new InvalidOperationException($"{failures} of {names.Length} actor registrations failed");
        return (seconds, latencies);
    }

    /// <summary>
    /// MEM: activates each registered actor's grain by registering it again (a no-op its grain decides on its loaded
    /// state). A call that failed (on a loaded machine, Orleans' 30 s response timeout) is tried once more, after the
    /// others: the grain is activated by then or is now. Returns how many were retried; throws, with the first
    /// failure's status and body, when a retry fails too.
    /// </summary>
    public async Task<(double Seconds, double[] Latencies, int Retried)> ActivateActors(IReadOnlyList<string> actors, int clients)
    {
        string? firstFailure = null;
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task<bool> Activate(string actor, List<double> into)
        {
            var (status, body) = await Latencies.Time(into, () => client.Post("/api/actors", new { id = actor, name = $"Speaker {actor}", kind = "person", country = "PK" }));
            if (status == HttpStatusCode.OK) return true;
            Interlocked.CompareExchange(ref firstFailure, $"{actor}: {(int)status} {body?.ToJsonString()}", null);
            failed.Add(actor);
            return false;
        }
        var (seconds, latencies, failures) = await Stats.Drive(actors.Count, clients, (i, into) => Activate(actors[i], into));
        if (failures == 0) return (seconds, latencies, 0);
        var again = failed.ToArray();
        failed.Clear();
        var (more, _, stillFailing) = await Stats.Drive(again.Length, clients, (i, into) => Activate(again[i], into));
        if (stillFailing > 0) throw new InvalidOperationException($"{stillFailing} of {actors.Count} activations failed twice; the first failure: {firstFailure}");
        return (seconds + more, latencies, again.Length);
    }

    private static async Task Must(Task<(HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)> call, string what)
    {
        var (status, body) = await call;
        if ((int)status >= 300) throw new InvalidOperationException($"{what}: {(int)status} {body?.ToJsonString()}");
    }

    /// <summary>
    /// P2: this repetition's share of the bulk import, ordered by actor, through POST /api/statements/batch when the
    /// API has it (8 requests in flight), else as single appends from 64 clients. Statements per second.
    /// </summary>
    public async Task<Repetition> BulkImport(string[] actors, int perActor, int repetition)
    {
        var commands = actors.SelectMany(a => Enumerable.Range(repetition * perActor, perActor).Select(n => corpus.Statement(a, n))).ToArray();
        var before = await Count("type = 'statement_recorded'");
        double seconds; double[] latencies; int failures;
        if (Batch is { } batch)
        {
            var batches = commands.Chunk(batch.MaxItems).ToArray();
            (seconds, latencies, failures) = await Stats.Drive(batches.Length, 8, async (i, into) =>
            {
                var (status, _) = await Latencies.Time(into, () => client.Post(batch.Path, batch.Body(batches[i].Select(ApiClient.StatementBody))));
                return (int)status is >= 200 and < 300;
            });
        }
        else
        {
            (seconds, latencies, failures) = await Stats.Drive(commands.Length, 64, async (i, into) =>
                (await Latencies.Time(into, () => client.Post("/api/statements", ApiClient.StatementBody(commands[i])))).Status == HttpStatusCode.Created);
        }
        var appended = await Count("type = 'statement_recorded'") - before;
        if (failures > 0 || appended != commands.Length)
            throw new InvalidOperationException($"P2: {failures} requests failed; {appended} of {commands.Length} statements were appended");
        return new Repetition(commands.Length / seconds, latencies, new Dictionary<string, object> { ["path"] = Batch?.Path ?? "POST /api/statements (no batch endpoint yet)" });
    }

    /// <summary>P3: like P1 but through HTTP: 64 clients, one statement per request, over 64 actors.</summary>
    public async Task<Repetition> HttpAppends(string[] actors, int total, int clients, int repetition)
    {
        var perActor = total / actors.Length + 1;
        var (seconds, latencies, failures) = await Stats.Drive(total, clients, async (i, into) =>
        {
            var command = corpus.Statement(actors[i % actors.Length], repetition * perActor + i / actors.Length);
            return (await Latencies.Time(into, () => client.Post("/api/statements", ApiClient.StatementBody(command)))).Status == HttpStatusCode.Created;
        });
        if (failures > 0) throw new InvalidOperationException($"P3: {failures} of {total} appends failed");
        return new Repetition(total / seconds, latencies);
    }

    /// <summary>
    /// Waits until the asynchronous projections have processed every event in the store (at most 10 minutes), so the
    /// reads are not timed while the daemon still works off the bulk import's backlog on the same cores. Seconds waited.
    /// </summary>
    public async Task<double> Settled()
    {
        var waited = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand($"""
                select (select coalesce(max(seq_id), 0) from {api.Schema}.mt_events)
                     <= coalesce((select min(last_seq_id) from {api.Schema}.mt_event_progression where name not like 'HighWater%'), 0)
                """, connection);
            if (await command.ExecuteScalarAsync() is true) return waited.Elapsed.TotalSeconds;
            if (waited.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("P4: the asynchronous projections did not catch up in 10 minutes");
            await Task.Delay(250);
        }
    }

    /// <summary>P4: one kind of read, <paramref name="requests"/> of them from 8 clients; the value is this repetition's p99 in ms.</summary>
    public async Task<Repetition> Reads(Func<Random, string> path, int requests)
    {
        var random = new Random(requests);
        var paths = Enumerable.Range(0, requests).Select(_ => path(random)).ToArray();
        var apiTicks = Machine.ProcessTicks(api.Pid);
        var (seconds, latencies, failures) = await Stats.Drive(requests, 8, async (i, into) =>
            await Latencies.Time(into, () => client.Fetch(paths[i])) == HttpStatusCode.OK);
        if (failures > 0) throw new InvalidOperationException($"P4: {failures} of {requests} reads of {paths[0]}… failed");
        // The API process's CPU per read (10 ms ticks over the repetition): what a read costs, whatever else runs on the machine.
        var apiCpuMs = (Machine.ProcessTicks(api.Pid) - apiTicks) * 10.0 / requests;
        return new Repetition(Stats.Percentile(latencies, 99), latencies, new Dictionary<string, object>
        {
            ["apiCpuMsPerRead"] = Math.Round(apiCpuMs, 3), ["readsPerSecond"] = Math.Round(requests / seconds, 0),
        });
    }

    /// <summary>P5: rebuilds the statement views from every event; events in the store per second of the server's rebuild time.</summary>
    public async Task<Repetition> Rebuild(string projection)
    {
        var events = await Count("true");
        var wall = Stopwatch.StartNew();
        await Must(client.Post($"/api/projections/{projection}/rebuild", new { }), "rebuild");
        while (true)
        {
            var (_, body) = await client.Get("/api/projections");
            var item = body?["items"]?.AsArray().FirstOrDefault(i => i?["name"]?.GetValue<string>() == projection);
            var state = item?["state"]?.GetValue<string>();
            if (state == "failed") throw new InvalidOperationException($"P5: the rebuild failed: {item?["error"]}");
            if (state == "done")
            {
                var seconds = (item!["finishedAt"]!.GetValue<DateTimeOffset>() - item["startedAt"]!.GetValue<DateTimeOffset>()).TotalSeconds;
                return new Repetition(events / Math.Max(seconds, 0.001), [seconds * 1000],
                    new Dictionary<string, object> { ["events"] = events, ["wallSeconds"] = Math.Round(wall.Elapsed.TotalSeconds, 2) });
            }
            if (wall.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("P5: the rebuild did not finish in 10 minutes");
            await Task.Delay(100);
        }
    }

    /// <summary>P7: GET /api/audit/verify (every chain, end to end); events verified per second.</summary>
    public async Task<Repetition> Verify()
    {
        var started = Stopwatch.GetTimestamp();
        var (status, body) = await client.Get("/api/audit/verify");
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (status != HttpStatusCode.OK || body?["intact"]?.GetValue<bool>() != true)
            throw new InvalidOperationException($"P7: verification answered {(int)status}: {body?.ToJsonString()[..Math.Min(300, body.ToJsonString().Length)]}");
        var events = body["events"]!.GetValue<long>();
        return new Repetition(events / seconds, [seconds * 1000], new Dictionary<string, object> { ["events"] = events });
    }

    /// <summary>
    /// The API process's managed heap from its own /metrics (System.Runtime's meter): the heap's size after the last
    /// collection (every generation), what the GC had committed then, and the actor grain activations Orleans counts.
    /// </summary>
    public async Task<Dictionary<string, object>> RuntimeMemory()
    {
        var (status, body) = await client.Get("/metrics");
        if (status != HttpStatusCode.OK || body?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            throw new InvalidOperationException($"GET /metrics answered {(int)status}");
        double heap = 0, committed = 0;
        var notes = new Dictionary<string, object>();
        foreach (var line in body.GetValue<string>().Split('\n'))
        {
            if (line.StartsWith('#') || line.LastIndexOf(' ') is not (> 0 and var space)) continue;
            if (!double.TryParse(line[(space + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var value)) continue;
            if (line.StartsWith("dotnet_gc_last_collection_heap_size_bytes{", StringComparison.Ordinal)) heap += value;
            else if (line.StartsWith("dotnet_gc_last_collection_memory_committed_size_bytes{", StringComparison.Ordinal)) committed = value;
            else if (line.StartsWith("orleans_catalog_activations{", StringComparison.Ordinal) && line.Contains("grain_type=\"actor\"", StringComparison.Ordinal))
                notes["actorActivations"] = value;
        }
        notes["gcHeapMiB"] = Math.Round(heap / 1048576.0, 1);
        notes["gcCommittedMiB"] = Math.Round(committed / 1048576.0, 1);
        return notes;
    }

    /// <summary>Bytes on disk (tables with their indexes and TOAST) per recorded statement, and per table.</summary>
    public async Task<Repetition> Storage()
    {
        var statements = await Count("type = 'statement_recorded'");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select c.relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = @schema and c.relkind = 'r' order by 2 desc
            """, connection);
        command.Parameters.AddWithValue("schema", api.Schema);
        var tables = new Dictionary<string, object>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total += reader.GetInt64(1);
            if (reader.GetInt64(1) > 65536) tables[reader.GetString(0)] = Math.Round(reader.GetInt64(1) / (double)Math.Max(1, statements), 0);
        }
        return new Repetition(total / (double)Math.Max(1, statements), [],
            new Dictionary<string, object> { ["statements"] = statements, ["bytesPerStatementByTable"] = tables, ["totalBytes"] = total });
    }

    public async Task<long> Count(string where)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {api.Schema}.mt_events where {where}", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static string StatementPath(RecordStatement command) => $"/api/statements/{command.StatementId}";
}
