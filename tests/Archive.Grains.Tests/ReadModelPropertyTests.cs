using System.Diagnostics;
using System.Text.Json;
using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Store;
using Archive.Store.Actors;
using Archive.Store.Statements;
using Archive.Store.Topics;
using Archive.Testing;
using FsCheck;
using FsCheck.Fluent;
using Marten;
using Npgsql;
using Xunit;
using Archive.Grains.Interfaces;

namespace Archive.Grains.Tests;

/// <summary>
/// Whatever valid commands the archivists send, in whatever order, the inline read models must hold exactly what a
/// fresh replay of the stored events says: the events are the record, the views are only a cache of it.
/// </summary>
public sealed partial class ReadModelPropertyTests : IAsyncLifetime
{
    private const int Runs = 20;
    private const int ShrinkBudget = 40;
    private static readonly WriteContext Archivist = new("archivist-prop", "corr-prop");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<string, Type> TypeByAlias = EventAliases.ByType.ToDictionary(p => p.Value, p => p.Key);

    private readonly SampleSource _source = new(8, "property");
    private ArchiveCluster _cluster = null!;
    private DocumentStore _store = null!;
    private int _evaluations;
    private readonly Dictionary<string, int> _outcomes = [];

    public async ValueTask InitializeAsync()
    {
        _cluster = await ArchiveCluster.Start();
        _store = DocumentStore.For(o => ArchiveStore.Configure(o, TestDatabase.ConnectionString, _cluster.Schema));
        var registered = await _cluster.Grains.GetGrain<ISourceGrain>(_source.Id).Register(_source.Register(), Archivist);
        Assert.True(registered.Succeeded, string.Join("; ", registered.Errors));
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public Task ReadModels_AnySequenceOfValidCommands_EqualAFreshReplayOfTheEvents() => CheckScripts(concurrently: false);

    /// <summary>
    /// The same, with the commands after the recordings sent four at a time: an actor's grain, a topic's grain and another
    /// actor's grain (linking to it) may then change one statement's view in transactions that overlap.
    /// </summary>
    [Fact]
    public Task ReadModels_ValidCommandsSentConcurrently_EqualAFreshReplayOfTheEvents() => CheckScripts(concurrently: true);

    private async Task CheckScripts(bool concurrently)
    {
        // given random scripts over three actors, two topics and one source of eight sentences
        var scripts = Arb.From(Script.Generator, Shrink);
        var clock = Stopwatch.StartNew();

        // when each script is sent through the grains, then every view equals the replay of the events
        var property = Prop.ForAll(scripts, script => Task.Run(() => RunAndCompare(script, concurrently)));
        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true), property),
            TestContext.Current.CancellationToken);

        // and the archive as a whole, all runs together, still equals its replay
        var all = await Compare(prefix: null);
        Assert.True(all.Count == 0, Report(all));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{_evaluations} scripts in {clock.Elapsed.TotalSeconds:0.0} s; outcomes: " +
            string.Join(", ", _outcomes.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
    }

    private IEnumerable<Script> Shrink(Script script)
    {
        if (_evaluations > Runs + ShrinkBudget) yield break;
        var steps = script.Steps;
        if (steps.Length > 1)
        {
            yield return new Script(steps[..(steps.Length / 2)]);
            yield return new Script(steps[(steps.Length / 2)..]);
        }
        for (var i = 0; i < steps.Length && steps.Length > 1; i++) yield return new Script([.. steps[..i], .. steps[(i + 1)..]]);
    }

    private async Task<Property> RunAndCompare(Script script, bool concurrently)
    {
        var run = Interlocked.Increment(ref _evaluations);
        var universe = await OpenUniverse($"r{run}");
        var trace = new List<string>();
        if (!concurrently)
        {
            for (var i = 0; i < script.Steps.Length; i++) trace.Add($"#{i} {await Send(universe, script.Steps[i])}");
        }
        else
        {
            var steps = script.Steps.Select((step, i) => (Step: step, Index: i)).ToArray();
            foreach (var (step, i) in steps.Where(s => s.Step is Step.Record)) trace.Add($"#{i} {await Send(universe, step)}");
            foreach (var (batch, b) in steps.Where(s => s.Step is not Step.Record).Chunk(4).Select((batch, b) => (batch, b)))
                trace.AddRange(await Task.WhenAll(batch.Select(async s => $"#{s.Index} (together in batch {b}) {await Send(universe, s.Step)}")));
        }

        // Only this run's streams: an earlier failing run must not make every shrunk script fail too.
        var mismatches = await Compare($"r{run}-");
        return Prop.Label(mismatches.Count == 0, Report(mismatches) + $"\nrun r{run}, commands as sent:\n  " + string.Join("\n  ", trace));
    }

    private string Report(List<string> mismatches) =>
        $"read models differ from the replay of the events in schema {_cluster.Schema} ({mismatches.Count} differences):\n  "
        + string.Join("\n  ", mismatches.Take(40));

    // ---------------------------------------------------------------- the commands

    private sealed record Recorded(string Id, string Actor, int Sentence)
    {
        public override string ToString() => $"{Id} ({Actor}, sentence {Sentence})";
    }

    private sealed record Universe(string[] Actors, string[] Topics, List<Recorded> Statements);

    private async Task<Universe> OpenUniverse(string prefix)
    {
        var universe = new Universe([$"{prefix}-a0", $"{prefix}-a1", $"{prefix}-a2"], [$"{prefix}-t0", $"{prefix}-t1"], []);
        foreach (var actor in universe.Actors)
            Assert.True((await _cluster.Grains.GetGrain<IActorGrain>(actor).Register(new RegisterActor(actor, $"Speaker {actor}", "person", "CN"), Archivist)).Succeeded);
        foreach (var topic in universe.Topics)
            Assert.True((await _cluster.Grains.GetGrain<ITopicGrain>(topic).Open(new OpenTopic(topic, $"Topic {topic}"), Archivist)).Succeeded);
        return universe;
    }

    private async Task<string> Send(Universe u, Step step)
    {
        if (step is Step.Record r)
        {
            var actor = u.Actors[r.Actor];
            var topics = u.Topics.Where((_, i) => (r.Topics & (1 << i)) != 0).ToArray();
            var command = _source.Statement(actor, r.Sentence, topics) with { Occasion = Script.Occasions[r.Occasion] };
            var recorded = await _cluster.Grains.GetGrain<IActorGrain>(actor).RecordStatement(command, Archivist);
            if (recorded.Succeeded && u.Statements.All(x => x.Id != recorded.Id)) u.Statements.Add(new Recorded(recorded.Id!, actor, r.Sentence));
            return Outcome(step, new Recorded(command.StatementId!, actor, r.Sentence).ToString(), recorded);
        }
        if (step is Step.Rename n)
        {
            var topic = u.Topics[n.Topic];
            return Outcome(step, topic, await _cluster.Grains.GetGrain<ITopicGrain>(topic).Rename(new RenameTopic(topic, Script.Titles[n.Title]), Archivist));
        }
        if (step is Step.Merge g)
        {
            var (from, into) = (u.Topics[g.From], u.Topics[1 - g.From]);
            return Outcome(step, $"{from} into {into}", await _cluster.Grains.GetGrain<ITopicGrain>(from).Merge(new MergeTopic(from, into, "one subject"), Archivist));
        }
        if (u.Statements.Count == 0) return $"{step}: skipped, nothing recorded yet";
        if (step is (Step.Link or Step.Unlink) && u.Statements.Count < 2) return $"{step}: skipped, fewer than two statements recorded";

        var s = u.Statements[u.Statements.Count - 1 - ((Step.OnStatement)step).Pick % u.Statements.Count];
        var speaker = _cluster.Grains.GetGrain<IActorGrain>(s.Actor);
        ITopicGrain Topic(int t) => _cluster.Grains.GetGrain<ITopicGrain>(u.Topics[t]);
        var others = u.Statements.Where(x => x.Id != s.Id).ToArray();
        var (target, write) = step switch
        {
            Step.Verify v => ($"{s}", speaker.VerifyStatement(new VerifyStatement(s.Id, Script.Methods[v.Method]), Archivist)),
            Step.Amend a => ($"{s}", speaker.AmendStatement(new AmendStatement(s.Id, "correction after review", a.Field switch
            {
                AmendField.Occasion => new StatementChanges(Occasion: Script.Occasions[a.Value % Script.Occasions.Length]),
                AmendField.SaidOn => new StatementChanges(SaidOn: new DateOnly(2024, 1, 1).AddDays(a.Value * 37)),
                AmendField.Span => new StatementChanges(Quote: _source.Sentences[a.Value % 8], Span: _source.Span(a.Value % 8)),
                _ => new StatementChanges(QuoteKind: a.Value % 2 == 0 ? QuoteKinds.Direct : QuoteKinds.Reported),
            }), Archivist)),
            Step.Dispute d => ($"{s}", speaker.DisputeStatement(new DisputeStatement(s.Id, Script.Reasons[d.Reason]), Archivist)),
            Step.Retract x => ($"{s}", speaker.RetractStatement(new RetractStatement(s.Id, Script.Reasons[x.Reason]), Archivist)),
            Step.Reinstate x => ($"{s}", speaker.ReinstateStatement(new ReinstateStatement(s.Id, Script.Reasons[x.Reason]), Archivist)),
            Step.Unlink l when others[l.Target % others.Length] is var t =>
                ($"{s} -/-> {t}", speaker.UnlinkStatement(new UnlinkStatement(s.Id, t.Id, "linked in error", l.Relation < 0 ? null : LinkRelations.All[l.Relation]), Archivist)),
            Step.Link l when others[l.Target % others.Length] is var t =>
                ($"{s} -> {t}", speaker.LinkStatement(new LinkStatement(s.Id, t.Id, LinkRelations.All[l.Relation]), t.Actor, Archivist)),
            Step.FileUnder f => ($"{s} under {u.Topics[f.Topic]}", Topic(f.Topic).File(new FileStatement(u.Topics[f.Topic], s.Id, s.Actor), Archivist)),
            Step.UnfileFrom f => ($"{s} from {u.Topics[f.Topic]}", Topic(f.Topic).Unfile(new UnfileStatement(u.Topics[f.Topic], s.Id, "misfiled"), Archivist)),
            _ => throw new UnreachableException(step.ToString()),
        };
        return Outcome(step, target, await write);
    }

    private string Outcome(Step step, string target, WriteResult result)
    {
        var outcome = result.Appended ? "appended" : result.Succeeded ? "unchanged" : "refused";
        var key = $"{step.GetType().Name.ToLowerInvariant()} {outcome}";
        lock (_outcomes) _outcomes[key] = _outcomes.GetValueOrDefault(key) + 1;
        var why = result.Succeeded ? "" : ": " + string.Join("; ", result.Errors.Select(e => $"{e.Kind} {e.Field} {e.Reason}"));
        return $"{step} on {target}: {outcome}{why}";
    }

    // ---------------------------------------------------------------- the replay

    /// <param name="prefix">Compares only the actors and topics whose ids start with it, and their statements; null for all.</param>
    private async Task<List<string>> Compare(string? prefix)
    {
        bool Ours(string? id) => prefix is null || id?.StartsWith(prefix, StringComparison.Ordinal) == true;
        var events = (await ReadAllEvents()).Where(e => e.Stream.StartsWith("source:", StringComparison.Ordinal) || Ours(e.Stream[(e.Stream.IndexOf(':') + 1)..])).ToList();
        var expected = Fold(events);
        var streams = events.GroupBy(e => e.Stream).ToDictionary(g => g.Key, g => g.Select(e => e.Data).ToList());
        var actors = streams.Where(s => s.Key.StartsWith("actor:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key["actor:".Length..], s => ActorState.Replay(s.Value));
        var topics = streams.Where(s => s.Key.StartsWith("topic:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key["topic:".Length..], s => TopicState.Replay(s.Value));

        await using var session = _store.QuerySession();
        var statementViews = (await session.Query<StatementView>().ToListAsync())
            .Where(v => Ours(v.ActorId) || expected.Statements.ContainsKey(v.Id)).ToDictionary(v => v.Id);
        var actorViews = (await session.Query<ActorView>().ToListAsync()).Where(v => Ours(v.Id)).ToDictionary(v => v.Id);
        var topicViews = (await session.Query<TopicView>().ToListAsync()).Where(v => Ours(v.Id)).ToDictionary(v => v.Id);

        var m = new List<string>();
        Documents(m, "statement", statementViews, expected.Statements, CompareStatement);
        Documents(m, "actor", actorViews, expected.Actors, CompareActor);
        Documents(m, "topic", topicViews, expected.Topics, CompareTopic);

        // The domain's own Apply is a second replay: the views and the grains must tell the same story.
        foreach (var (id, want) in expected.Statements)
        {
            if (actors.GetValueOrDefault(want.ActorId)?.Statement(id) is not { } state) { m.Add($"statement {id}: missing from ActorState replay of actor:{want.ActorId}"); continue; }
            var who = $"statement {id} ({want.ActorId})";
            Domain(m, who, "quote (fingerprint)", state.Quote, Fingerprints.Of(want.Quote));
            Domain(m, who, "quoteKind", state.QuoteKind, want.QuoteKind);
            Domain(m, who, "saidOn", state.SaidOn, want.SaidOn);
            Domain(m, who, "occasion (fingerprint)", state.Occasion, Fingerprints.OfOptional(want.Occasion));
            Domain(m, who, "span", state.Span, want.Span);
            Domain(m, who, "language", state.Language, want.Language);
            Domain(m, who, "status", state.Status, want.Status);
            Domain(m, who, "statusReason", state.StatusReason, want.StatusReason);
            Domain(m, who, "revision", state.Revision, want.Revision);
            Domain(m, who, "verification (fingerprint)", state.Verified, want.Verification is { } v ? Fingerprints.Verification(v.Method, v.Note) : null);
            Domain(m, who, "outgoing links", Show(state.Links.Select(l => $"{l.Relation} {l.TargetId}")),
                Show(want.Links.Where(l => l.Direction == "outgoing").Select(l => $"{l.Relation} {l.StatementId}")));
        }
        foreach (var (id, want) in expected.Actors)
        {
            if (!actors.TryGetValue(id, out var state)) { m.Add($"actor {id}: missing from ActorState replay"); continue; }
            Domain(m, $"actor {id}", "name", state.Name, want.Name);
            Domain(m, $"actor {id}", "statementCount (statements in stream)", state.Statements.Count, want.StatementCount);
        }
        foreach (var (id, want) in expected.Topics)
        {
            if (!topics.TryGetValue(id, out var state)) { m.Add($"topic {id}: missing from TopicState replay"); continue; }
            Domain(m, $"topic {id}", "title", state.Title, want.Title);
            Domain(m, $"topic {id}", "statementCount (filed statements)", state.Filed.Count, want.StatementCount);
            Domain(m, $"topic {id}", "filed statements (vs the statements' topics)", Show(state.Filed.Keys.Order()),
                Show(expected.Statements.Values.Where(s => s.Topics.Contains(id)).Select(s => s.Id).Order()));
        }
        return m;
    }

}
