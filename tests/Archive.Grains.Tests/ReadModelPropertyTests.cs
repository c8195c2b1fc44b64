using System.Diagnostics;
using System.Text.Json;
using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Projections;
using Archive.Projections.Actors;
using Archive.Projections.Statements;
using Archive.Projections.Topics;
using Archive.Testing;
using FsCheck;
using FsCheck.Fluent;
using Marten;
using Npgsql;
using Xunit;

namespace Archive.Grains.Tests;

/// <summary>
/// Whatever valid commands the archivists send, in whatever order, the inline read models must hold exactly what a
/// fresh replay of the stored events says: the events are the record, the views are only a cache of it.
/// </summary>
public sealed class ReadModelPropertyTests : IAsyncLifetime
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
            return Outcome(step, new Recorded(command.StatementId, actor, r.Sentence).ToString(), recorded);
        }
        if (u.Statements.Count == 0) return $"{step}: skipped, nothing recorded yet";
        if (step is Step.Link && u.Statements.Count < 2) return $"{step}: skipped, fewer than two statements recorded";

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
            Domain(m, who, "quote", state.Quote, want.Quote);
            Domain(m, who, "quoteKind", state.QuoteKind, want.QuoteKind);
            Domain(m, who, "saidOn", state.SaidOn, want.SaidOn);
            Domain(m, who, "occasion", state.Occasion, want.Occasion);
            Domain(m, who, "span", state.Span, want.Span);
            Domain(m, who, "language", state.Language, want.Language);
            Domain(m, who, "status", state.Status, want.Status);
            Domain(m, who, "statusReason", state.StatusReason, want.StatusReason);
            Domain(m, who, "revision", state.Revision, want.Revision);
            Domain(m, who, "verification", state.LastVerification is { } v ? new VerificationView(v.Method, v.Note, v.VerifiedBy, v.VerifiedAt) : null, want.Verification);
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

    private static void Documents<T>(List<string> m, string kind, Dictionary<string, T> actual, Dictionary<string, T> expected, Action<List<string>, string, T, T> compare)
    {
        foreach (var id in expected.Keys.Except(actual.Keys).Order()) m.Add($"{kind} {id}: no read model document, the events say it exists");
        foreach (var id in actual.Keys.Except(expected.Keys).Order()) m.Add($"{kind} {id}: read model document that no event creates");
        foreach (var (id, want) in expected.Where(e => actual.ContainsKey(e.Key)).OrderBy(e => e.Key)) compare(m, id, actual[id], want);
    }

    private static void CompareStatement(List<string> m, string id, StatementView view, StatementView want)
    {
        var who = $"statement {id} ({want.ActorId})";
        Field(m, who, "actorId", view.ActorId, want.ActorId);
        Field(m, who, "sourceId", view.SourceId, want.SourceId);
        Field(m, who, "quote", view.Quote, want.Quote);
        Field(m, who, "quoteKind", view.QuoteKind, want.QuoteKind);
        Field(m, who, "saidOn", view.SaidOn, want.SaidOn);
        Field(m, who, "occasion", view.Occasion, want.Occasion);
        Field(m, who, "span", view.Span, want.Span);
        Field(m, who, "topics", Show(view.Topics.Order()), Show(want.Topics.Order()));
        Field(m, who, "language", view.Language, want.Language);
        Field(m, who, "coSpeakers", Show(view.CoSpeakers), Show(want.CoSpeakers));
        Field(m, who, "status", view.Status, want.Status);
        Field(m, who, "statusReason", view.StatusReason, want.StatusReason);
        Field(m, who, "verification", view.Verification, want.Verification);
        Field(m, who, "links", Show(view.Links.Select(l => $"{l.Direction} {l.Relation} {l.StatementId}").Order()),
            Show(want.Links.Select(l => $"{l.Direction} {l.Relation} {l.StatementId}").Order()));
        Field(m, who, "revision", view.Revision, want.Revision);
        Field(m, who, "recordedBy", view.RecordedBy, want.RecordedBy);
        Field(m, who, "recordedAt", view.RecordedAt, want.RecordedAt);
        Field(m, who, "updatedAt", view.UpdatedAt, want.UpdatedAt);
    }

    private static void CompareActor(List<string> m, string id, ActorView view, ActorView want)
    {
        Field(m, $"actor {id}", "name", view.Name, want.Name);
        Field(m, $"actor {id}", "kind", view.Kind, want.Kind);
        Field(m, $"actor {id}", "country", view.Country, want.Country);
        Field(m, $"actor {id}", "aliases", Show(view.Aliases), Show(want.Aliases));
        Field(m, $"actor {id}", "roles", Show(view.Roles.Select(r => r.ToString())), Show(want.Roles.Select(r => r.ToString())));
        Field(m, $"actor {id}", "statementCount", view.StatementCount, want.StatementCount);
        Field(m, $"actor {id}", "registeredAt", view.RegisteredAt, want.RegisteredAt);
    }

    private static void CompareTopic(List<string> m, string id, TopicView view, TopicView want)
    {
        Field(m, $"topic {id}", "title", view.Title, want.Title);
        Field(m, $"topic {id}", "description", view.Description, want.Description);
        Field(m, $"topic {id}", "parentId", view.ParentId, want.ParentId);
        Field(m, $"topic {id}", "mergedInto", view.MergedInto, want.MergedInto);
        Field(m, $"topic {id}", "statementCount", view.StatementCount, want.StatementCount);
        Field(m, $"topic {id}", "openedAt", view.OpenedAt, want.OpenedAt);
    }

    private static void Field<T>(List<string> m, string who, string field, T actual, T expected, string holder = "read model")
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            m.Add($"{who}, field '{field}': {holder} has {Show(actual)}, replay of the events says {Show(expected)}");
    }

    private static void Domain<T>(List<string> m, string who, string field, T actual, T expected) =>
        Field(m, who, field, actual, expected, "domain Apply");

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DateTimeOffset t => t.ToString("O"),
        _ => value.ToString() ?? "",
    };

    private static string Show(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    private sealed record StoredEvent(long Seq, string Stream, object Data);

    private async Task<List<StoredEvent>> ReadAllEvents()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select seq_id, stream_id, type, data::text from {_cluster.Schema}.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync())
        {
            var alias = reader.GetString(2);
            var type = TypeByAlias.GetValueOrDefault(alias) ?? throw new InvalidOperationException($"event type '{alias}' has no CLR type in EventAliases");
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), JsonSerializer.Deserialize(reader.GetString(3), type, Json)!));
        }
        return events;
    }

    private sealed record Expected(
        Dictionary<string, StatementView> Statements, Dictionary<string, ActorView> Actors, Dictionary<string, TopicView> Topics);

    /// <summary>What the views should hold, folded from the events here rather than by the projections under test.</summary>
    private static Expected Fold(IEnumerable<StoredEvent> events)
    {
        var statements = new Dictionary<string, StatementView>();
        var actors = new Dictionary<string, ActorView>();
        var topics = new Dictionary<string, TopicView>();

        void Revise(string id, DateTimeOffset at, Action<StatementView> change)
        {
            if (!statements.TryGetValue(id, out var s)) return;
            change(s);
            s.Revision += 1;
            s.UpdatedAt = at;
        }

        foreach (var e in events.Select(x => x.Data))
        {
            switch (e)
            {
                case ActorRegistered a:
                    actors[a.ActorId] = new ActorView { Id = a.ActorId, Name = a.Name, Kind = a.Kind, Country = a.Country, Aliases = [.. a.Aliases], RegisteredAt = a.RegisteredAt };
                    break;
                case ActorAliasAdded a: actors[a.ActorId].Aliases.Add(a.Alias); break;
                case ActorRoleAssigned a: actors[a.ActorId].Roles.Add(new ActorRole(a.Role, a.Organisation, a.From, a.To)); break;
                case StatementRecorded r:
                    statements[r.StatementId] = new StatementView
                    {
                        Id = r.StatementId, ActorId = r.ActorId, SourceId = r.SourceId, Quote = r.Quote, QuoteKind = r.QuoteKind, SaidOn = r.SaidOn,
                        Occasion = r.Occasion, Span = r.Span, Topics = [.. r.Topics.Distinct()], Language = r.Language, CoSpeakers = [.. r.CoSpeakers],
                        Status = StatementStatus.Recorded, Revision = 1, RecordedBy = r.RecordedBy, RecordedAt = r.RecordedAt, UpdatedAt = r.RecordedAt,
                    };
                    actors[r.ActorId].StatementCount += 1;
                    break;
                case StatementVerified v:
                    Revise(v.StatementId, v.VerifiedAt, s => (s.Status, s.StatusReason, s.Verification) =
                        (StatementStatus.Verified, null, new VerificationView(v.Method, v.Note, v.VerifiedBy, v.VerifiedAt)));
                    break;
                case StatementAmended a:
                    Revise(a.StatementId, a.AmendedAt, s =>
                    {
                        var c = a.Changes;
                        // a verification vouched for the words at the old span, not for the new ones
                        if ((c.Quote ?? s.Quote) != s.Quote || (c.Span ?? s.Span) != s.Span)
                            s.Status = s.Status == StatementStatus.Verified ? StatementStatus.Recorded : s.Status;
                        (s.Quote, s.Span, s.SaidOn, s.Occasion, s.QuoteKind, s.Language) =
                            (c.Quote ?? s.Quote, c.Span ?? s.Span, c.SaidOn ?? s.SaidOn, c.Occasion ?? s.Occasion, c.QuoteKind ?? s.QuoteKind, c.Language ?? s.Language);
                    });
                    break;
                case StatementDisputed d:
                    Revise(d.StatementId, d.DisputedAt, s => (s.Status, s.StatusReason) = (StatementStatus.Disputed, d.Reason));
                    break;
                case StatementRetracted r:
                    Revise(r.StatementId, r.RetractedAt, s => (s.Status, s.StatusReason) = (StatementStatus.Retracted, r.Reason));
                    break;
                case StatementLinked l:
                    Revise(l.StatementId, l.LinkedAt, s => s.Links.Add(new LinkView(l.TargetId, l.Relation, "outgoing")));
                    // being linked to does not change what the target statement says: no new revision of it
                    statements.GetValueOrDefault(l.TargetId)?.Links.Add(new LinkView(l.StatementId, l.Relation, "incoming"));
                    break;
                case TopicOpened t:
                    topics[t.TopicId] = new TopicView { Id = t.TopicId, Title = t.Title, Description = t.Description, ParentId = t.ParentId, OpenedAt = t.OpenedAt };
                    break;
                case TopicRenamed t: topics[t.TopicId].Title = t.Title; break;
                case TopicMerged t: topics[t.TopicId].MergedInto = t.IntoTopicId; break;
                case StatementFiled f:
                    topics[f.TopicId].StatementCount += 1;
                    if (statements.TryGetValue(f.StatementId, out var filed) && !filed.Topics.Contains(f.TopicId)) filed.Topics.Add(f.TopicId);
                    break;
                case StatementUnfiled f:
                    topics[f.TopicId].StatementCount -= 1;
                    statements.GetValueOrDefault(f.StatementId)?.Topics.Remove(f.TopicId);
                    break;
            }
        }
        return new Expected(statements, actors, topics);
    }

    // ---------------------------------------------------------------- the scripts

    private enum AmendField { Occasion, SaidOn, Span, QuoteKind }

    /// <summary>A step names statements by pick: the n-th latest statement recorded so far (modulo), so any sub-script stays valid.</summary>
    private abstract record Step
    {
        public sealed record Record(int Actor, int Sentence, int Topics, int Occasion) : Step;
        public abstract record OnStatement(int Pick) : Step;
        public sealed record Verify(int Pick, int Method) : OnStatement(Pick);
        public sealed record Amend(int Pick, AmendField Field, int Value) : OnStatement(Pick);
        public sealed record Dispute(int Pick, int Reason) : OnStatement(Pick);
        public sealed record Retract(int Pick, int Reason) : OnStatement(Pick);
        public sealed record Link(int Pick, int Target, int Relation) : OnStatement(Pick);
        public sealed record FileUnder(int Topic, int Pick) : OnStatement(Pick);
        public sealed record UnfileFrom(int Topic, int Pick) : OnStatement(Pick);
    }

    private sealed record Script(Step[] Steps)
    {
        public static readonly string[] Occasions = ["press briefing", "interview"];
        public static readonly string[] Methods = ["source-text-check", "video"];
        public static readonly string[] Reasons = ["denied by the speaker's office", "transcript contested"];

        public static Gen<Script> Generator
        {
            get
            {
                // mostly the latest statements, so that lifecycles build up on the same statement
                var pick = Gen.Frequency((3, Gen.Choose(0, 1)), (1, Gen.Choose(0, 29)));
                var step = Gen.Frequency(
                    (5, Gen.Choose(0, 2).SelectMany(a => Gen.Choose(0, 7), (a, s) => (a, s))
                        .SelectMany(x => Gen.Choose(0, 3).Zip(Gen.Choose(0, 1)), (x, y) => (Step)new Step.Record(x.a, x.s, y.Item1, y.Item2))),
                    (2, pick.Zip(Gen.Choose(0, 1), (p, m) => (Step)new Step.Verify(p, m))),
                    (3, pick.Zip(Gen.Elements(Enum.GetValues<AmendField>()), (p, f) => (p, f))
                        .SelectMany(_ => Gen.Choose(0, 9), (x, v) => (Step)new Step.Amend(x.p, x.f, v))),
                    (2, pick.Zip(Gen.Choose(0, 1), (p, r) => (Step)new Step.Dispute(p, r))),
                    (1, pick.Zip(Gen.Choose(0, 1), (p, r) => (Step)new Step.Retract(p, r))),
                    (2, pick.Zip(pick, (p, t) => (p, t)).SelectMany(_ => Gen.Choose(0, LinkRelations.All.Count - 1), (x, r) => (Step)new Step.Link(x.p, x.t, r))),
                    (2, Gen.Choose(0, 1).Zip(pick, (t, p) => (Step)new Step.FileUnder(t, p))),
                    (2, Gen.Choose(0, 1).Zip(pick, (t, p) => (Step)new Step.UnfileFrom(t, p))));
                return Gen.Choose(5, 30).SelectMany(n => step.ArrayOf(n)).Select(steps => new Script(steps));
            }
        }

        public override string ToString() => $"{Steps.Length} steps:\n  " + string.Join("\n  ", Steps.Select((s, i) => $"#{i} {s}"));
    }
}
