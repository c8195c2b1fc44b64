using Archive.Store.Telemetry;
using Orleans.Diagnostics;
using Xunit;

namespace Archive.Grains.Tests;

public sealed class TelemetryNamesTests
{
    [Fact]
    public void OrleansSources_AreTheNamesOrleansTracesGrainCallsAndActivationsUnder() =>
        // the store lists them as text, so hosts without Orleans' runtime can subscribe to them; Orleans must agree
        Assert.Equal([ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.LifecycleActivitySourceName], ArchiveTelemetry.OrleansSources);
}
