namespace Archive.Benchmarks.Harness;

/// <summary>How much each scenario does: the full run, or --quick (under 5 minutes on 2 cores).</summary>
public sealed record Sizes(
    string Mode,
    int Repetitions,
    int RawOnePerTransaction,
    int RawBatched,
    int RawCopy,
    int ManyActorAppends,
    int ImportActors,
    int ImportMeasured,
    int ImportMeasuredSingles,
    int ReadLoad,
    int ReadRequests,
    int ColdActorStatements,
    int MemoryActors)
{
    public const int Actors = 64, Callers = 64, Clients = 64, RawConnections = 16;

    /// <summary>Statements of each of MEM's actors (issue 15: 10k active actors with 100 statements each).</summary>
    public const int MemoryStatements = 100;

    public static Sizes Quick(int repetitions) => new("quick", repetitions,
        RawOnePerTransaction: 3_000, RawBatched: 30_000, RawCopy: 30_000,
        ManyActorAppends: 4_096,
        ImportActors: 1_000, ImportMeasured: 100_000, ImportMeasuredSingles: 24_000,
        ReadLoad: 100_000, ReadRequests: 2_000,
        ColdActorStatements: 10_000, MemoryActors: 10_000);

    public static Sizes Full(int repetitions) => new("full", repetitions,
        RawOnePerTransaction: 10_000, RawBatched: 100_000, RawCopy: 100_000,
        ManyActorAppends: 16_384,
        ImportActors: 1_000, ImportMeasured: 100_000, ImportMeasuredSingles: 100_000,
        ReadLoad: 1_000_000, ReadRequests: 2_000,
        ColdActorStatements: 100_000, MemoryActors: 10_000);

    /// <summary>Every count times <paramref name="factor"/> (--scale): a smoke run of the harness itself.</summary>
    public Sizes Scale(double factor)
    {
        int S(int n) => Math.Max(1, (int)(n * factor));
        return this with
        {
            Mode = $"{Mode} ×{factor}", RawOnePerTransaction = S(RawOnePerTransaction), RawBatched = S(RawBatched), RawCopy = S(RawCopy),
            ManyActorAppends = S(ManyActorAppends), ImportActors = S(ImportActors), ImportMeasured = S(ImportMeasured),
            ImportMeasuredSingles = S(ImportMeasuredSingles), ReadLoad = S(ReadLoad), ReadRequests = S(ReadRequests),
            ColdActorStatements = S(ColdActorStatements), MemoryActors = S(MemoryActors),
        };
    }

    /// <summary>P6's bound: 30 ms for the quick run's 10k-statement actor, 100 ms for the full run's 100k.</summary>
    public double ColdActivationTargetMs => Mode.StartsWith("quick", StringComparison.Ordinal) ? 30 : 100;

    /// <summary>Quotes one actor may need: the corpus must offer at least this many distinct spans.</summary>
    public int QuotesNeeded => new[]
    {
        ColdActorStatements,
        Repetitions * (ManyActorAppends / Actors + 1),
        Math.Max(ReadLoad, ImportMeasured) / ImportActors + Repetitions,
        RawBatched / Actors + 1,
        RawCopy / Actors + 1,
        MemoryStatements,
    }.Max();
}
