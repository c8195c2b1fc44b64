using Archive.Benchmarks.Harness;

namespace Archive.Benchmarks;

/// <summary>The figures of a run, and the scenarios that crashed (a missed target is a result, a crash is not).</summary>
public sealed class Bench(string connectionString, int repetitions)
{
    public Dictionary<string, Figure> Figures { get; } = new(StringComparer.Ordinal);
    public List<string> Crashes { get; } = [];
    public int Repetitions => repetitions;

    /// <summary>Scenarios to trace (--profile), each into <see cref="TraceDirectory"/>/NAME.nettrace.</summary>
    public IReadOnlySet<string> Traced { get; init; } = new HashSet<string>();

    public string TraceDirectory { get; init; } = "bench-traces";

    public Figure Add(Figure figure)
    {
        Figures[figure.Name] = figure;
        return figure;
    }

    /// <summary>Runs a scenario, recording the CPU split and commit rate into <paramref name="notesOn"/>'s notes.</summary>
    public async Task Scenario(string name, Func<int?> childPid, Func<Task> run, params string[] notesOn)
    {
        Console.Error.WriteLine($"bench: {name} …");
        var split = await CpuSplit.Start(connectionString, childPid());
        try
        {
            var tracePath = Path.Combine(TraceDirectory, $"{name}.nettrace");
            var trace = Traced.Contains(name) ? ScenarioTrace.Start(childPid() ?? Environment.ProcessId, tracePath) : null;
            await using (trace) await run();
            if (trace is not null) Console.Error.WriteLine($"bench: {name} traced into {tracePath}");
            var cpu = await split.Stop();
            foreach (var figure in notesOn) if (Figures.TryGetValue(figure, out var f)) f.Notes["cpu"] = cpu;
            Console.Error.WriteLine($"bench: {name} done: " + string.Join(", ", notesOn.Where(Figures.ContainsKey)
                .Select(n => $"{n} = {Figures[n].Value:0.##} {Figures[n].Unit}")) + $" ({string.Join(", ", cpu.Select(c => $"{c.Key} {c.Value}"))})");
        }
        catch (Exception e)
        {
            Crashes.Add($"{name}: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine($"bench: {name} CRASHED: {e}");
        }
    }

    /// <summary>Repeats a measurement into a figure.</summary>
    public async Task Repeat(Figure figure, Func<int, Task<Repetition>> once)
    {
        for (var r = 0; r < repetitions; r++)
        {
            var repetition = await once(r);
            figure.Repetitions.Add(repetition);
            foreach (var (key, value) in repetition.Notes ?? new Dictionary<string, object>()) figure.Notes[key] = value;
        }
    }

    public IReadOnlyList<Figure> Ordered()
    {
        foreach (var f in Figures.Values) f.Relate(Figures);
        return Figures.Values.ToList();
    }
}
