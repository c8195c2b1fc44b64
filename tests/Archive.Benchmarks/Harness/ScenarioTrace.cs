using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Archive.Benchmarks.Harness;

/// <summary>
/// A CPU-sampling trace of one process for the length of one scenario (--profile): the same EventPipe providers as
/// dotnet-trace's cpu-sampling profile, written as a .nettrace file that <c>dotnet-trace report FILE topN</c> reads.
/// Scoped to the scenario, so the host's start-up is left out where the scenario does not include it.
/// </summary>
public sealed class ScenarioTrace : IAsyncDisposable
{
    // Microsoft-Windows-DotNETRuntime's default keywords (GC, loader, JIT, stacks, threading, exceptions, contention...):
    // what a profiler needs to name the sampled methods.
    private const long RuntimeKeywords = 0x14C14FCCBD;
    private readonly EventPipeSession _session;
    private readonly FileStream _file;
    private readonly Task _copy;

    private ScenarioTrace(EventPipeSession session, FileStream file)
    {
        _session = session;
        _file = file;
        _copy = session.EventStream.CopyToAsync(file);
    }

    public static ScenarioTrace Start(int pid, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var session = new DiagnosticsClient(pid).StartEventPipeSession(
            [
                new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
                new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, RuntimeKeywords),
            ], requestRundown: true, circularBufferMB: 256);
        return new ScenarioTrace(session, File.Create(path));
    }

    public async ValueTask DisposeAsync()
    {
        _session.Stop(); // the rundown (method names) follows, then the stream ends
        await _copy;
        await _file.DisposeAsync();
        _session.Dispose();
    }
}
