using System.Diagnostics;
using System.Text.Json;

namespace Archive.Benchmarks.Soak;

/// <summary>
/// A change-feed client as a service would run one: long polls on <c>/api/events?after=</c> with an auditor's key,
/// resuming from the last position it saw. It remembers every position, so the run can check afterwards that it saw
/// each event exactly once and in order.
/// </summary>
public sealed class FeedReader(SoakApi api, Recorder recorder, int number) : IDisposable
{
    private readonly HttpClient _http = api.Client(api.AuditorKey, 2);
    private readonly List<long> _positions = [];
    private long _target = long.MaxValue;

    public int Number => number;
    public long Last { get; private set; }
    public int OutOfOrder { get; private set; }
    public IReadOnlyList<long> Positions => _positions;

    /// <summary>Once set, the reader stops when it has read up to this position.</summary>
    public void StopAt(long position) => Interlocked.Exchange(ref _target, position);

    public async Task Follow(CancellationToken abort)
    {
        while (!abort.IsCancellationRequested && Last < Interlocked.Read(ref _target))
        {
            // While the load runs a page comes at once; at the end, wait less so stopping is quick.
            var wait = Interlocked.Read(ref _target) == long.MaxValue ? 5 : 1;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.GetAsync($"/api/events?after={Last}&limit=1000&wait={wait}", abort);
                var text = await response.Content.ReadAsStringAsync(abort);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var status = (int)response.StatusCode;
                recorder.Add(new Outcome("feed", ms, status, response.IsSuccessStatusCode));
                if (!response.IsSuccessStatusCode)
                {
                    recorder.Fail($"feed reader {number} after {Last}: {status} {text}");
                    await Task.Delay(TimeSpan.FromSeconds(1), abort);
                    continue;
                }
                Take(text);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested) { break; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                recorder.Add(new Outcome("feed", Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, false));
                recorder.Fail($"feed reader {number} after {Last}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private void Take(string page)
    {
        using var document = JsonDocument.Parse(page);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var position = item.GetProperty("position").GetInt64();
            if (position <= Last)
            {
                OutOfOrder++;
                recorder.Fail($"feed reader {number}: position {position} after {Last}");
            }
            _positions.Add(position);
            Last = Math.Max(Last, position);
        }
    }

    /// <summary>
    /// Compares what the reader saw, up to <paramref name="through"/>, with the store's positions: null when it saw
    /// every event exactly once and in order, else what differs.
    /// </summary>
    public string? Check(IReadOnlyList<long> stored, long through)
    {
        var seen = _positions.Where(p => p <= through).ToArray();
        if (OutOfOrder > 0) return $"reader {number}: {OutOfOrder} events out of order or repeated";
        if (seen.SequenceEqual(stored)) return null;
        var missing = stored.Except(seen).Take(5).ToArray();
        var extra = seen.Except(stored).Take(5).ToArray();
        return $"reader {number}: saw {seen.Length} events, the store has {stored.Count}; " +
               $"missing [{string.Join(", ", missing)}{(missing.Length == 5 ? ", …" : "")}], not stored [{string.Join(", ", extra)}]";
    }

    public void Dispose() => _http.Dispose();
}
