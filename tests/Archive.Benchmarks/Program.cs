using System.Text.Json.Nodes;
using Archive.Benchmarks;
using Archive.Benchmarks.Audit;
using Archive.Benchmarks.Grains;
using Archive.Benchmarks.Harness;
using Archive.Benchmarks.Http;
using Archive.Benchmarks.Payloads;
using Archive.Benchmarks.PlainMarten;
using Archive.Benchmarks.Raw;

// deploy/bench.sh runs this: every scenario, then bench-results.json and bench-results.md in the repository root.
// Exits 1 only when a scenario crashed; a missed target is reported as FAIL, not as an error.
// Libraries print notices on stdout (Marten: "The async daemon is disabled"); stdout carries only the table.
var stdout = Console.Out;
Console.SetOut(Console.Error);
var quick = args.Contains("--quick");
var repetitions = Option("--repetitions") is { } r ? int.Parse(r) : 3;
var only = Option("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
// --profile P1,P2: a CPU-sampling trace of each named scenario (bench-traces/NAME.nettrace); runs their groups only unless --only says otherwise.
var profile = Option("--profile")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
only ??= profile.Length == 0 ? null : profile.Select(GroupOf).Distinct().ToArray();
if (Option("--reads") is not null) only ??= ["HTTP"]; // or --only P4.id,P4.timeline: those reads alone
var repository = Option("--repository") ?? FindRepository();
var connection = Environment.GetEnvironmentVariable("ARCHIVE_POSTGRES") is { Length: > 0 } cs
    ? cs : throw new InvalidOperationException("ARCHIVE_POSTGRES is not set: run deploy/bench.sh, which provisions PostgreSQL");
// deploy/soak.sh MINUTES runs the soak instead of the benchmark: Soak/SoakRun.cs, exit codes 0 / 1 / 2.
if (args.Contains("--soak")) return await Archive.Benchmarks.Soak.SoakRun.Run(args, repository, connection, stdout);
var sizes = quick ? Sizes.Quick(repetitions) : Sizes.Full(repetitions);
if (Option("--scale") is { } scale) sizes = sizes.Scale(double.Parse(scale, System.Globalization.CultureInfo.InvariantCulture));
bool Runs(string group) => only is null || only.Contains(group);

var (pgVersion, synchronousCommit, _) = await Machine.Postgres(connection);
var machine = new JsonObject
{
    ["cpus"] = Environment.ProcessorCount, ["postgres"] = pgVersion, ["synchronousCommit"] = synchronousCommit,
    ["loadAverageAtStart"] = Machine.LoadAverage(), ["mode"] = sizes.Mode, ["repetitions"] = repetitions,
    ["startedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"), ["runtime"] = Environment.Version.ToString(),
    ["sizes"] = System.Text.Json.JsonSerializer.SerializeToNode(sizes),
};
Console.Error.WriteLine($"bench: {sizes.Mode}, {repetitions} repetitions, {Environment.ProcessorCount} CPUs, PostgreSQL {pgVersion}, " +
                        $"synchronous_commit={synchronousCommit}, load {Machine.LoadAverage()}");
var corpus = new Corpus(Path.Combine(repository, "seeds"), sizes.QuotesNeeded);
machine["corpus"] = $"{corpus.Sources.Count} sources, {corpus.Quotes.Count} distinct quotes per actor";
var bench = new Bench(connection, repetitions) { Traced = profile.ToHashSet(), TraceDirectory = Path.Combine(repository, "bench-traces") };
int? NoChild() => null;

// ---- raw PostgreSQL baseline --------------------------------------------------------------------------------------
if (Runs("R"))
{
    var raw = new RawBaseline(connection, corpus);
    var r1 = bench.Add(new Figure { Name = "R1", Unit = "rows/s", Description = $"raw INSERT, 1 row per transaction, {Sizes.RawConnections} connections" });
    var r2 = bench.Add(new Figure { Name = "R2", Unit = "rows/s", Description = $"raw multi-row INSERT, 100 rows per transaction, {Sizes.RawConnections} connections" });
    var r3 = bench.Add(new Figure { Name = "R3", Unit = "rows/s", Description = "raw binary COPY, 10,000 rows per COPY, 1 connection" });
    await bench.Scenario("R1", NoChild, () => bench.Repeat(r1, i => raw.OnePerTransaction(sizes.RawOnePerTransaction, Sizes.RawConnections, i)), "R1");
    await bench.Scenario("R2", NoChild, () => bench.Repeat(r2, i => raw.Batched(sizes.RawBatched, Sizes.RawConnections, i)), "R2");
    await bench.Scenario("R3", NoChild, () => bench.Repeat(r3, i => raw.Copy(sizes.RawCopy, i)), "R3");
}

// ---- grains on an in-process silo ---------------------------------------------------------------------------------
var grains = new GrainScenarios(connection, corpus);
if (Runs("P1"))
{
    var p1 = bench.Add(new Figure { Name = "P1", Unit = "statements/s", Baseline = "R1", Target = Target.RatioAtLeast(0.75, "R1"),
        Description = $"grain appends: {Sizes.Actors} actors × {Sizes.Callers} concurrent callers, 1 statement per call" });
    var lag = bench.Add(new Figure { Name = "P7.lag", Unit = "s", Target = Target.AtMost(1, "s"),
        Description = "async projection lag during P1 (p99 of 100 ms samples)" });
    await bench.Scenario("P1", NoChild, async () =>
    {
        await using var silo = await SiloHost.Start(connection, SiloHost.NewSchema("p1"));
        await bench.Repeat(p1, async i =>
        {
            var (appends, lags) = await grains.ManyActors(silo, Sizes.Actors, Sizes.Callers, sizes.ManyActorAppends, i);
            lag.Repetitions.Add(new Repetition(Stats.Percentile(lags, 99), lags.Select(l => l * 1000).ToArray()));
            return appends;
        });
        p1.Notes["batching"] = await GrainScenarios.Batching(connection, silo.Schema);
    }, "P1", "P7.lag");
}

// ---- the same workload through plain Marten, one session per command ------------------------------------------
if (Runs("M1"))
{
    var m1 = bench.Add(new Figure { Name = "M1", Unit = "statements/s", Baseline = "R1",
        Description = $"plain Marten, the same statements and read models: one session per command (FetchForWriting + append + SaveChanges), " +
                      $"{Sizes.Callers} concurrent callers over {Sizes.Actors} actors" });
    await bench.Scenario("M1", NoChild, async () =>
    {
        await using var writer = await PlainMartenWriter.Start(connection, SiloHost.NewSchema("m1"));
        await bench.Repeat(m1, i => PlainMartenScenario.ManyActors(writer, corpus, Sizes.Actors, Sizes.Callers, sizes.ManyActorAppends, i));
        m1.Notes["batching"] = await GrainScenarios.Batching(connection, writer.Schema);
        m1.Notes["staleRetries"] = writer.Retries;
        // The same chain as the grains write, or the comparison would flatter M1. A stale version's failed append leaves
        // tombstones (Marten's own stream, outside the chains).
        var chains = (await ChainVerification.Load(connection, writer.Schema)).Where(s => s.Stream != Archive.Audit.Tombstones.Stream).ToList();
        m1.Notes["chainVerifiedEvents"] = ChainVerification.Run(chains).Notes!["events"];
    }, "M1");
    // P1 against M1 (when both ran): P1's repetitions, M1 as the baseline.
    if (bench.Figures.TryGetValue("P1", out var p1) && p1.Repetitions.Count > 0)
    {
        var versus = bench.Add(new Figure { Name = "P1/M1", Unit = p1.Unit, Baseline = "M1", Target = Target.RatioAtLeast(2.0, "M1"),
            Description = "P1 (grains, group commit) against M1 (plain Marten) on the same workload" });
        versus.Repetitions.AddRange(p1.Repetitions.Select(r => r with { LatenciesMs = [] }));
    }
}

if (Runs("P6"))
{
    var p6 = bench.Add(new Figure { Name = "P6", Unit = "ms", Target = Target.AtMost(sizes.ColdActivationTargetMs, "ms"),
        Description = $"cold activation of an actor with {sizes.ColdActorStatements:N0} statements (fresh silo)" });
    await bench.Scenario("P6", NoChild, async () =>
    {
        var schema = SiloHost.NewSchema("p6");
        const string actor = "p6-cold-actor";
        await using (var silo = await SiloHost.Start(connection, schema)) await grains.LoadOneActor(silo, actor, sizes.ColdActorStatements);
        await bench.Repeat(p6, _ => grains.ColdActivation(schema, actor));
    }, "P6");
}

// ---- the real API over loopback HTTP ------------------------------------------------------------------------------
// --reads SCHEMA: only the P4 reads, against a schema that an earlier run with the same sizes left (--keep), so a read
// path can be measured again, or against another build (--repository), without loading 100k statements each time.
if (Option("--reads") is { } kept) await bench.Scenario("HTTP", NoChild, async () =>
{
    await using var api = await ApiProcess.Start(repository, connection, kept);
    using var client = new ApiClient(api, 64);
    var http = new HttpScenarios(connection, corpus, api, client);
    var importActors = ImportActors();
    var perActor = (int)Math.Ceiling(sizes.ImportMeasured / (double)importActors.Length / repetitions);
    var loaded = perActor * repetitions;
    var recorded = await http.Count("type = 'statement_recorded'");
    if (recorded < (long)loaded * importActors.Length)
        throw new InvalidOperationException($"--reads {kept}: {recorded:N0} statements recorded, the P4 reads need the {loaded * importActors.Length:N0}+ that a --keep run with these sizes leaves");
    await Reads(api, http, importActors, loaded, loaded);
});
else if (Runs("HTTP")) await bench.Scenario("HTTP", NoChild, async () =>
{
    await using var api = await ApiProcess.Start(repository, connection, SiloHost.NewSchema("api"));
    using var client = new ApiClient(api, 64);
    var http = new HttpScenarios(connection, corpus, api, client);
    var importActors = ImportActors();
    var p3Actors = Enumerable.Range(0, Sizes.Actors).Select(a => $"p3-actor-{a:00}").ToArray();
    await http.Prepare(importActors.Concat(p3Actors));
    var measured = http.Batch is null ? sizes.ImportMeasuredSingles : sizes.ImportMeasured;
    var perActor = (int)Math.Ceiling(measured / (double)importActors.Length / repetitions);

    var p2 = bench.Add(new Figure { Name = "P2", Unit = "statements/s", Baseline = "R2", Target = Target.RatioAtLeast(0.15, "R2"),
        Description = $"bulk import: {perActor * importActors.Length * repetitions:N0} statements over {importActors.Length:N0} actors, " +
                      (http.Batch is null ? "single appends, 64 clients (no batch endpoint yet)" : $"{http.Batch.Path}, {http.Batch.MaxItems} per request, 8 in flight") });
    var beforeP2 = await GrainScenarios.LastPosition(connection, api.Schema);
    await bench.Scenario("P2", () => api.Pid, () => bench.Repeat(p2, i => http.BulkImport(importActors, perActor, i)), "P2");
    var beforeP3 = await GrainScenarios.LastPosition(connection, api.Schema);
    p2.Notes["batching"] = await GrainScenarios.Batching(connection, api.Schema, beforeP2);

    var p3 = bench.Add(new Figure { Name = "P3", Unit = "statements/s", Baseline = "P1", Target = Target.RatioAtLeast(0.7, "P1"),
        Description = $"HTTP appends: {Sizes.Clients} clients over {Sizes.Actors} actors, 1 statement per POST /api/statements" });
    await bench.Scenario("P3", () => api.Pid, () => bench.Repeat(p3, i => http.HttpAppends(p3Actors, sizes.ManyActorAppends, Sizes.Clients, i)), "P3");
    p3.Notes["batching"] = await GrainScenarios.Batching(connection, api.Schema, beforeP3);

    // P4 reads a store of sizes.ReadLoad statements: load what P2 did not.
    var loaded = perActor * repetitions;
    // Without the bulk path a quick run cannot load 100k statements in its time: P4 then reads what P2 loaded.
    var target = http.Batch is null && quick ? loaded : Math.Max(loaded, sizes.ReadLoad / importActors.Length);
    await bench.Scenario("P4 load", () => api.Pid, async () =>
    {
        for (var from = loaded; from < target; from += perActor) await http.BulkImport(importActors, Math.Min(perActor, target - from), from / perActor);
    });
    var store = bench.Add(new Figure { Name = "STORE", Unit = "bytes/statement", Description = "disk per statement: events, views, revisions, audit entries, indexes" });
    await bench.Scenario("STORE", () => api.Pid, async () =>
    {
        var measured = await http.Storage();
        store.Repetitions.Add(measured);
        foreach (var (key, value) in measured.Notes!) store.Notes[key] = value;
    }, "STORE");
    await Reads(api, http, importActors, loaded, Math.Max(loaded, target));

    var p5 = bench.Add(new Figure { Name = "P5", Unit = "events/s", Target = Target.AtLeast(20_000, "events/s"),
        Description = "projection rebuild of the statement views (POST /api/projections/statements/rebuild), store events per second" });
    await bench.Scenario("P5", () => api.Pid, () => bench.Repeat(p5, _ => http.Rebuild("statements")), "P5");

    var p7 = bench.Add(new Figure { Name = "P7", Unit = "events/s", Target = Target.AtLeast(200_000, "events/s"),
        Description = "hash-chain verification end to end: GET /api/audit/verify over the whole store" });
    await bench.Scenario("P7", () => api.Pid, () => bench.Repeat(p7, _ => http.Verify()), "P7");
    var chain = bench.Add(new Figure { Name = "P7.chain", Unit = "events/s", Target = Target.AtLeast(200_000, "events/s"),
        Description = "ChainVerifier alone on the same events, read into memory first (1 thread)" });
    await bench.Scenario("P7.chain", NoChild, async () =>
    {
        var streams = await ChainVerification.Load(connection, api.Schema);
        await bench.Repeat(chain, _ => Task.FromResult(ChainVerification.Run(streams)));
    }, "P7.chain");
});

if (Runs("MEM"))
{
    var mem = bench.Add(new Figure { Name = "MEM", Unit = "MiB", Target = Target.AtMost(1024, "MiB"),
        Description = $"API+silo process resident memory with {sizes.MemoryActors:N0} active actor grains of {Sizes.MemoryStatements} statements each" });
    await bench.Scenario("MEM", NoChild, async () =>
    {
        var schema = SiloHost.NewSchema("mem");
        var actors = Enumerable.Range(0, sizes.MemoryActors).Select(a => $"mem-{a:00000}").ToArray();
        var loaded = await Archive.Benchmarks.Memory.MemoryStore.Load(connection, schema, corpus, actors, Sizes.MemoryStatements);
        await using var api = await ApiProcess.Start(repository, connection, schema);
        using var client = new ApiClient(api, 64);
        var idle = api.WorkingSet();
        var http = new HttpScenarios(connection, corpus, api, client);
        // Registering an actor again is a no-op its grain decides on its state: activated with its whole stream. 16 in
        // flight: more only queue, and on a loaded machine run into Orleans' response timeout.
        Console.Error.WriteLine($"bench: MEM loaded {loaded.Events:N0} events in {loaded.Seconds:N0} s; activating, load {Machine.LoadAverage()}");
        var (seconds, latencies, retried) = await http.ActivateActors(actors, 16);
        Console.Error.WriteLine($"bench: MEM activated {actors.Length:N0} actors in {seconds:N0} s");
        var mib = api.WorkingSet() / 1048576.0;
        var runtime = await http.RuntimeMemory();
        mem.Repetitions.Add(new Repetition(mib, latencies));
        mem.Notes["statementsPerActor"] = loaded.StatementsPerActor;
        mem.Notes["actorsActivated"] = actors.Length;
        mem.Notes["statements"] = (long)actors.Length * loaded.StatementsPerActor;
        mem.Notes["idleMiB"] = Math.Round(idle / 1048576.0, 1);
        mem.Notes["rssMiB"] = Math.Round(mib, 1);
        foreach (var (key, value) in runtime) mem.Notes[key] = value;
        mem.Notes["activationsPerSecond"] = Math.Round(actors.Length / seconds, 0);
        mem.Notes["activationSeconds"] = Math.Round(seconds, 1);
        mem.Notes["activationsRetried"] = retried;
        mem.Notes["loadedEvents"] = loaded.Events;
        mem.Notes["loadSeconds"] = Math.Round(loaded.Seconds, 1);
        mem.Notes["snapshotBytesPerStatement"] = Math.Round(loaded.SnapshotBytes / (double)loaded.StatementsPerActor, 1);
        // The loaded chains must verify. After the measurement, and with the audit's ChainVerifier in this process: the
        // API's GET /api/audit/verify over a million events outlasts its 15 s request limit on a loaded machine.
        var verifying = System.Diagnostics.Stopwatch.StartNew();
        var verified = (long)ChainVerification.Run(await ChainVerification.Load(connection, schema)).Notes!["events"];
        if (verified != loaded.Events) throw new InvalidOperationException($"MEM: the chains verified {verified} events of the {loaded.Events} loaded");
        mem.Notes["chainVerifiedEvents"] = verified;
        mem.Notes["verifySeconds"] = Math.Round(verifying.Elapsed.TotalSeconds, 1);
    }, "MEM");
}

if (!args.Contains("--keep")) await SiloHost.DropSchemas(connection);

// ---- results --------------------------------------------------------------------------------------------------------
var ordered = bench.Ordered();
var markdown = Report.Markdown(ordered, machine, bench.Crashes);
await File.WriteAllTextAsync(Path.Combine(repository, "bench-results.json"), Report.Json(ordered, machine, bench.Crashes));
await File.WriteAllTextAsync(Path.Combine(repository, "bench-results.md"), markdown);
await stdout.WriteLineAsync(markdown);
return bench.Crashes.Count == 0 ? 0 : 1;

string[] ImportActors() => Enumerable.Range(0, sizes.ImportActors).Select(a => $"import-{a:0000}").ToArray();

// P4: each kind of read from 8 clients over the statements P2 recorded (every 7th of each actor's), the actors' timelines, and frequent words.
async Task Reads(ApiProcess api, HttpScenarios http, string[] importActors, int loaded, int perActorInStore)
{
    var statementIds = importActors.SelectMany(a => Enumerable.Range(0, loaded).Where(n => n % 7 == 0).Select(n => corpus.Statement(a, n).StatementId)).ToArray();
    var figures = new (string Name, string What, double Bound, Func<Random, string> Path)[]
    {
        ("P4.id", "GET /api/statements/{id}", 5, rnd => $"/api/statements/{statementIds[rnd.Next(statementIds.Length)]}"),
        ("P4.search", "GET /api/statements?q=…&limit=20", 50, rnd => $"/api/statements?q={Uri.EscapeDataString(Corpus.SearchWords[rnd.Next(Corpus.SearchWords.Length)])}&limit=20"),
        ("P4.timeline", "GET /api/actors/{id}/timeline?limit=50", 20, rnd => $"/api/actors/{importActors[rnd.Next(importActors.Length)]}/timeline?limit=50"),
    };
    var settled = await http.Settled();
    foreach (var (name, what, bound, path) in figures)
    {
        // --only P4.id,P4.timeline (with --reads): just those reads
        if (only?.Any(o => o.StartsWith("P4.", StringComparison.Ordinal)) == true && !only.Contains(name)) continue;
        var f = bench.Add(new Figure { Name = name, Unit = "ms p99", Target = Target.AtMost(bound, "ms p99"),
            Description = $"{what} after loading {importActors.Length * perActorInStore:N0} statements, 8 clients" });
        f.Notes["projectionsSettledAfterSeconds"] = Math.Round(settled, 1);
        await bench.Scenario(name, () => api.Pid, () => bench.Repeat(f, _ => http.Reads(path, sizes.ReadRequests)), name);
    }
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

// The --only group that runs a scenario.
static string GroupOf(string scenario) => scenario switch
{
    "R1" or "R2" or "R3" => "R",
    "P1" or "M1" or "P6" or "MEM" => scenario,
    _ => "HTTP",
};

static string FindRepository()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the repository (no Archive.sln above the current directory), or pass --repository");
}
