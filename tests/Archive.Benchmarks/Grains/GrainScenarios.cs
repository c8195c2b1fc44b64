using System.Diagnostics;
using Archive.Benchmarks.Harness;
using Archive.Benchmarks.Payloads;
using Archive.Domain.Actors;
using Archive.Grains;
using Npgsql;
using Archive.Grains.Interfaces;

namespace Archive.Benchmarks.Grains;

/// <summary>Scenarios that call grains directly on an in-process silo: P1 (with projection lag) and P6.</summary>
public sealed class GrainScenarios(string connectionString, Corpus corpus)
{
    private static readonly WriteContext Bench = new("bench", null);

    /// <summary>Registers every source of the corpus and the given actors.</summary>
    public static async Task Prepare(IGrainFactory grains, Corpus corpus, IEnumerable<string> actors)
    {
        await Task.WhenAll(corpus.Sources.Select(s => Must(grains.GetGrain<ISourceGrain>(s.Id).Register(Corpus.Register(s), Bench), s.Id)));
        await Task.WhenAll(actors.Select(a => Must(grains.GetGrain<IActorGrain>(a).Register(new RegisterActor(a, $"Speaker {a}", "person", "PK"), Bench), a)));
    }

    private static async Task Must(Task<WriteResult> write, string what)
    {
        var result = await write;
        if (!result.Succeeded) throw new InvalidOperationException($"{what}: {string.Join("; ", result.Errors)}");
    }

    /// <summary>
    /// P1: <paramref name="actors"/> actors, <paramref name="callers"/> concurrent callers, one statement per call.
    /// Returns statements per second and call latencies; the lag sampler watches the async daemon meanwhile.
    /// </summary>
    public async Task<(Repetition Appends, double[] LagSeconds)> ManyActors(SiloHost silo, int actors, int callers, int perRepetition, int repetition)
    {
        var names = Enumerable.Range(0, actors).Select(a => $"p1-actor-{a:000}").ToArray();
        if (repetition == 0) await Prepare(silo.Grains, corpus, names);
        using var lag = new LagSampler(connectionString, silo.Schema);
        var (seconds, latencies, failures) = await Stats.Drive(perRepetition, callers, async (i, into) =>
        {
            var actor = names[i % actors];
            var command = corpus.Statement(actor, repetition * (perRepetition / actors + 1) + i / actors);
            var result = await Latencies.Time(into, () => silo.Grains.GetGrain<IActorGrain>(actor).RecordStatement(command, Bench));
            return result.Succeeded && result.Appended;
        });
        if (failures > 0) throw new InvalidOperationException($"P1: {failures} of {perRepetition} appends failed");
        var lags = await lag.Finish();
        return (new Repetition(perRepetition / seconds, latencies), lags);
    }

    /// <summary>Loads one actor with <paramref name="statements"/> statements (64 concurrent callers).</summary>
    public async Task LoadOneActor(SiloHost silo, string actor, int statements)
    {
        await Prepare(silo.Grains, corpus, [actor, "p6-warm-up"]);
        var (_, _, failures) = await Stats.Drive(statements, 64, async (i, _) =>
            (await silo.Grains.GetGrain<IActorGrain>(actor).RecordStatement(corpus.Statement(actor, i), Bench)).Appended);
        if (failures > 0) throw new InvalidOperationException($"P6: {failures} of {statements} appends failed");
    }

    /// <summary>
    /// P6: a fresh silo on the loaded schema (so nothing is cached), one warm-up activation of a small actor (the
    /// process's first query pays for JIT and Marten's code), then the time until the big actor answers its first call.
    /// </summary>
    public async Task<Repetition> ColdActivation(string schema, string actor)
    {
        await using var silo = await SiloHost.Start(connectionString, schema);
        if (!await silo.Grains.GetGrain<IActorGrain>("p6-warm-up").Exists()) throw new InvalidOperationException("P6: the warm-up actor is missing");
        var started = Stopwatch.GetTimestamp();
        var exists = await silo.Grains.GetGrain<IActorGrain>(actor).Exists();
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!exists) throw new InvalidOperationException("P6: the loaded actor is missing");
        return new Repetition(ms, [ms]);
    }

    /// <summary>
    /// Statements recorded and the transactions that wrote them (distinct xmin) after a position: how many appends shared a
    /// commit, which is what throughput on a commit-bound server depends on.
    /// </summary>
    public static async Task<Dictionary<string, object>> Batching(string connectionString, string schema, long after = 0)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*), count(distinct xmin::text) from {schema}.mt_events where seq_id > @after and type = 'statement_recorded'", connection);
        command.Parameters.AddWithValue("after", after);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (events, transactions) = (reader.GetInt64(0), reader.GetInt64(1));
        return new Dictionary<string, object>
        {
            ["events"] = events, ["transactions"] = transactions,
            ["eventsPerTransaction"] = Math.Round(events / (double)Math.Max(1, transactions), 2),
        };
    }

    public static async Task<long> LastPosition(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
