using System.Globalization;
using System.Diagnostics;
using Archive.Benchmarks.Grains;
using Archive.Benchmarks.Harness;
using Archive.Benchmarks.Payloads;
using Npgsql;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// <c>--soak MINUTES</c>: the real API under a sustained, moderate mixed load, sampled every 10 s, then judged:
/// memory flat, no failed request, and every change-feed reader saw every event exactly once and in order.
/// Exit code 0 when all of that holds, 1 otherwise, 2 for a bad command line.
/// </summary>
public static class SoakRun
{
    public static async Task<int> Run(string[] args, string repository, string connection, TextWriter stdout)
    {
        // Reports and sample lines use '.' decimals whatever the machine's culture (SoakReport builds strings with it).
        CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        SoakOptions options;
        try { options = SoakOptions.Parse(args); }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"soak: {e.Message}");
            return 2;
        }
        var (pgVersion, _, _) = await Machine.Postgres(connection);
        var result = new SoakResult
        {
            Options = options, Schema = SiloHost.NewSchema("soak"), StartedAt = DateTimeOffset.UtcNow,
            Machine = new() { ["cpus"] = Environment.ProcessorCount, ["postgres"] = pgVersion, ["loadAverageAtStart"] = Machine.LoadAverage(), ["runtime"] = Environment.Version.ToString() },
        };
        await stdout.WriteLineAsync($"soak: {options.Minutes:0.##} min, {options.WritesPerSecond} writes/s, {options.ReadsPerSecond} reads/s, " +
                                    $"{options.Actors} actors, {options.FeedReaders} feed readers, schema {result.Schema}");
        var recorder = new Recorder();
        try
        {
            await Soak(options, repository, connection, recorder, result, stdout);
        }
        catch (Exception e)
        {
            result.Crash = e.ToString();
        }
        finally
        {
            result.Machine["loadAverageAtEnd"] = Machine.LoadAverage();
            result.Totals = recorder.Totals();
            result.ClientErrors = recorder.ClientErrors;
            result.Failures = recorder.Failures;
            if (!options.Keep) await SiloHost.DropSchemas(connection);
        }
        var markdown = SoakReport.Markdown(result);
        await File.WriteAllTextAsync(Path.Combine(repository, "soak-results.json"), SoakReport.Json(result));
        await File.WriteAllTextAsync(Path.Combine(repository, "soak-results.md"), markdown);
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(markdown);
        return result.Passed ? 0 : 1;
    }

    private static async Task Soak(SoakOptions options, string repository, string connection, Recorder recorder, SoakResult result, TextWriter stdout)
    {
        var corpus = new Corpus(Path.Combine(repository, "seeds"), options.QuotesPerActor);
        await using var api = await SoakApi.Start(repository, connection, result.Schema);
        using var workload = new Workload(options, corpus, api, recorder);
        await workload.Prepare(CancellationToken.None);
        using var sampler = new Sampler(api, connection, recorder);
        var readers = Enumerable.Range(1, options.FeedReaders).Select(n => new FeedReader(api, recorder, n)).ToList();
        using var abortFeeds = new CancellationTokenSource();
        try
        {
            await sampler.Baseline(0);
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(options.Duration);
            var load = workload.Run(stop.Token);
            var feeds = readers.Select(r => r.Follow(abortFeeds.Token)).ToArray();
            for (var k = 1; k * options.SampleEvery <= options.Duration; k++)
            {
                var wait = k * options.SampleEvery - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                if (api.HasExited) throw new InvalidOperationException($"the API exited during the run:\n{string.Join('\n', api.LastOutput())}");
                var sample = await sampler.Take(clock.Elapsed.TotalSeconds);
                result.Samples.Add(sample);
                await stdout.WriteLineAsync(SoakReport.Line(sample));
            }
            await load;
            result.LoadSeconds = clock.Elapsed.TotalSeconds;
            recorder.Drain(); // the answers that came after the last sample count in the totals

            // Every write was answered, so everything up to the store's last position is committed: the readers must reach it.
            var through = await LastPosition(connection, result.Schema);
            foreach (var reader in readers) reader.StopAt(through);
            abortFeeds.CancelAfter(TimeSpan.FromMinutes(2));
            await Task.WhenAll(feeds);
            recorder.Drain();
            var stored = await Positions(connection, result.Schema, through);
            result.StoredEvents = stored.Count;
            foreach (var reader in readers)
                result.Feeds.Add(new FeedCheck(reader.Number, reader.Positions.Count(p => p <= through), reader.Last,
                    reader.Last < through ? $"reader {reader.Number}: reached {reader.Last} of {through} within 2 minutes after the load" : reader.Check(stored, through)));
            result.EventsByType = await EventsByType(connection, result.Schema);
            result.Memory = MemoryVerdict.Judge(result.Samples, options);
        }
        finally
        {
            await abortFeeds.CancelAsync();
            foreach (var reader in readers) reader.Dispose();
        }
    }

    private static async Task<long> LastPosition(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {schema}.mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<List<long>> Positions(string connectionString, string schema, long through)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select seq_id from {schema}.mt_events where seq_id <= @through order by seq_id", connection);
        command.Parameters.AddWithValue("through", through);
        var positions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) positions.Add(reader.GetInt64(0));
        return positions;
    }

    private static async Task<Dictionary<string, long>> EventsByType(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select type, count(*) from {schema}.mt_events group by type", connection);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
