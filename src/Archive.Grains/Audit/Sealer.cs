using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Archive.Grains.Audit;

/// <summary>Asks the seal grain to seal every <paramref name="interval"/> (the grain does nothing when nothing is new).</summary>
public sealed class Sealer(IGrainFactory grains, TimeSpan interval, ILogger<Sealer> log) : BackgroundService
{
    public const string Principal = "archive-sealer";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await grains.GetGrain<ISealGrain>(ISealGrain.Key).Seal(new WriteContext(Principal, null));
                if (result.Appended) log.LogInformation("Sealed the archive through position {Position}", result.Position);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sealing failed; the next tick tries again");
            }
        }
    }
}
