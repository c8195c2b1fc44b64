using Archive.Store.Storage;
using System.Diagnostics.Metrics;

using Archive.Store.Telemetry;

namespace Archive.Api.Telemetry;

/// <summary>
/// <c>archive.projection.lag</c>: how many events each asynchronous projection is behind the store's high-water
/// mark, from the same progress rows that <c>/health</c> reads. Observable instruments are read synchronously during
/// a collection, so the database is sampled in the background and a collection reports the latest sample.
/// </summary>
public sealed class ProjectionLagGauge : BackgroundService
{
    public static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);
    public const string ProjectionTag = "archive.projection";

    private readonly ProjectionProgress _progress;
    private readonly TimeProvider _clock;
    private readonly ILogger<ProjectionLagGauge> _log;
    private volatile IReadOnlyList<ShardProgress> _latest = [];

    public ProjectionLagGauge(ProjectionProgress progress, TimeProvider clock, IMeterFactory meters, ILogger<ProjectionLagGauge> log)
    {
        _progress = progress;
        _clock = clock;
        _log = log;
        meters.Create(ArchiveMetrics.MeterName).CreateObservableGauge("archive.projection.lag", Observe, "{event}",
            "Events an asynchronous projection has still to process, up to the store's high-water mark");
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _latest.Select(shard => new Measurement<long>(shard.Lag, new KeyValuePair<string, object?>(ProjectionTag, shard.Name)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SampleEvery, _clock);
        do
        {
            try
            {
                _latest = (await _progress.Read(stoppingToken)).Projections;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                // No number is better than a stale one: /health reports the outage itself.
                _latest = [];
                _log.LogDebug(e, "Projection progress could not be read for the lag gauge");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
