using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Testing;

namespace Archive.Cluster.Tests;

/// <summary>
/// Clients recording statements through the API the way a careful archivist's tool would: a failed or unanswered
/// request is sent again with the same body (recording is idempotent), until it is acknowledged or the deadline passes.
/// </summary>
public sealed class StatementWriter(HttpClient http, SampleSource source, IReadOnlyList<string> actors)
{
    private int _retries;
    private long _slowestTicks;

    /// <summary>Statement ids by sentence index, for every request that got a 2xx.</summary>
    public ConcurrentDictionary<int, string> Acknowledged { get; } = new();

    /// <summary>When each acknowledged request was first sent and when it was acknowledged.</summary>
    public ConcurrentDictionary<int, (DateTime FirstSent, DateTime Acknowledged)> Timings { get; } = new();

    /// <summary>Requests sent again after a failure or no answer.</summary>
    public int Retries => _retries;

    /// <summary>
    /// The longest any request waited, past <paramref name="since"/> (or past its first sending, if later), for its
    /// acknowledgment: how long writes stalled after an event at that time.
    /// </summary>
    public TimeSpan LongestWaitSince(DateTime since) =>
        Timings.Values.Where(t => t.Acknowledged > since)
            .Select(t => t.Acknowledged - (t.FirstSent > since ? t.FirstSent : since))
            .DefaultIfEmpty(TimeSpan.Zero).Max();

    /// <summary>How many answers of each status the writer got (0: no answer at all).</summary>
    public ConcurrentDictionary<int, int> Statuses { get; } = new();

    /// <summary>Answers with a status of 500 or more that were not 503 with Retry-After: what a client cannot act on.</summary>
    public ConcurrentQueue<string> Unexplained { get; } = new();

    /// <summary>The longest any request took, answered or not.</summary>
    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public SampleSource Source => source;

    /// <summary>A writer of the same statements through another API node.</summary>
    public StatementWriter Through(HttpClient other) => new(other, source, actors);

    public static async Task<StatementWriter> Prepare(HttpClient http, int actorCount, int sentences)
    {
        var actors = Enumerable.Range(1, actorCount).Select(i => $"speaker-{i:D2}").ToArray();
        foreach (var actor in actors)
            await Send(http, "/api/actors", new { id = actor, name = $"Speaker {actor}", kind = "person" });
        var source = new SampleSource(sentences, salt: "the cluster");
        await Send(http, "/api/sources", new { title = "Cluster briefing", text = source.Text, publishedOn = "2025-01-01" });
        return new StatementWriter(http, source, actors);
    }

    /// <summary>A setup write, sent again while the fresh cluster answers 5xx (first activations can be slow on a busy machine).</summary>
    private static async Task Send(HttpClient http, string url, object body)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var response = await http.PostAsJsonAsync(url, body);
            if (response.IsSuccessStatusCode) return;
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode < 500 || DateTime.UtcNow > until)
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
            await Task.Delay(200);
        }
    }

    public Task Write(IEnumerable<int> sentences, int concurrency, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        return Parallel.ForEachAsync(sentences, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, (i, _) => new ValueTask(Record(i, until)));
    }

    /// <summary>The POST /api/statements body for sentence <paramref name="index"/>.</summary>
    public object Body(int index) => new
    {
        actorId = actors[index % actors.Count], sourceId = source.Id, quote = source.Sentences[index],
        span = new { start = source.Span(index).Start, end = source.Span(index).End },
        quoteKind = "direct", saidOn = "2025-01-01",
    };

    private async Task Record(int index, DateTime until)
    {
        var body = Body(index);
        var firstSent = DateTime.UtcNow;
        while (true)
        {
            string failure;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.PostAsJsonAsync("/api/statements", body);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500 && (status != 503 || response.Headers.RetryAfter is null))
                    Unexplained.Enqueue($"sentence {index}: {status} {text}");
                if (status is 200 or 201)
                {
                    Acknowledged[index] = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
                    Timings[index] = (firstSent, DateTime.UtcNow);
                    return;
                }
                // 409: a concurrent writer (the grain reloaded); 429/5xx: the cluster is recovering. Anything else is a bug.
                if (status is not (409 or 429) && status < 500)
                    throw new InvalidOperationException($"sentence {index}: unexpected {status} {text}");
                failure = $"{status} {text}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
                failure = e.Message;
            }
            finally
            {
                var took = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
                for (var slowest = Interlocked.Read(ref _slowestTicks); took > slowest; slowest = Interlocked.Read(ref _slowestTicks))
                    if (Interlocked.CompareExchange(ref _slowestTicks, took, slowest) == slowest) break;
            }
            Interlocked.Increment(ref _retries);
            if (DateTime.UtcNow > until) throw new TimeoutException($"sentence {index} was never acknowledged; last answer: {failure}");
            await Task.Delay(100);
        }
    }
}
