using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Audit;

/// <summary>
/// Asks the seal grain, every second, to seal when <paramref name="maxEvents"/> events wait or the oldest waited
/// <paramref name="maxAge"/> (the grain decides, and does nothing when nothing is new).
/// </summary>
public sealed class Sealer(IGrainFactory grains, long maxEvents, TimeSpan maxAge, ILogger<Sealer> log) : BackgroundService
{
    public const string Principal = "archive-sealer";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1) < maxAge ? TimeSpan.FromSeconds(1) : maxAge);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await grains.GetGrain<ISealGrain>(ISealGrain.Key).SealIfDue(maxEvents, maxAge, new WriteContext(Principal, null));
                if (result.Appended) log.LogInformation("Sealed the archive through position {Position}", result.Position);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sealing failed; the next tick tries again");
            }
        }
    }
}
