using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Archive.Store;
using Archive.Store.Statements;
using Archive.Store.Storage;
using Archive.Testing;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Grouping;
using Marten;
using Marten.Events;
using Xunit;

namespace Archive.Grains.Tests.Storage;

/// <summary>
/// The set-based rebuild of the documents keyed by statement must write exactly what the inline projection wrote:
/// it folds with the projection's own code, but reads, pages and writes on its own.
/// </summary>
public sealed class StatementViewRebuildTests : IAsyncLifetime
{
    private static readonly WriteContext Archivist = new("archivist-rebuild", "corr-rebuild");
    private readonly SampleSource _source = new(8, "set-based rebuild");
    private ArchiveCluster _cluster = null!;
    private DocumentStore _store = null!;
    private Dictionary<string, List<string>> _inline = [];

    private static readonly string[] Tables = ["mt_doc_statementview", "mt_doc_statementrevisions"];

    public async ValueTask InitializeAsync()
    {
        _cluster = await ArchiveCluster.Start();
        _store = DocumentStore.For(o => ArchiveStore.Configure(o, TestDatabase.ConnectionString, _cluster.Schema));
        await WriteEveryKindOfStatementEvent();
        foreach (var table in Tables) _inline[table] = await Documents(table);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData("statements", 3)]
    [InlineData("statements", StatementViewRebuild.PageSize)]
    [InlineData("statement-revisions", 3)]
    [InlineData("statement-revisions", StatementViewRebuild.PageSize)]
    public async Task Run_EveryKindOfStatementEvent_WritesTheInlineProjectionsDocuments(string model, int pageSize)
    {
        // given documents written inline by recordings, verifications, amendments, disputes, retractions,
        // reinstatements, links, unlinks, filings and unfilings of three actors' statements under two topics
        var table = Table(model);
        Assert.True(_inline[table].Count >= 5, string.Join("\n", _inline[table]));
        var through = await Newest();
        var reached = new List<long>();

        // when the documents are rebuilt set-based, in pages of a few events (a statement's events then span pages)
        await StatementViewRebuild.For(ReadModels.ByName[model], _store, TestDatabase.ConnectionString, pageSize)!
            .Run(through, reached.Add, TestContext.Current.CancellationToken);

        // then every document is the inline one, as JSON, and the progress went up page by page to the last event
        Assert.Equal(_inline[table], await Documents(table));
        Assert.Equal(reached.Order(), reached);
        Assert.True(pageSize > 100 || reached.Count > 3, string.Join(", ", reached));
        Assert.True(reached[^1] <= through);
    }

    [Fact]
    public async Task Run_FoldThatSkipsAnEvent_WritesOtherDocuments()
    {
        // given a fold that forgets the unfilings
        var registered = _store.Options.Projections.All.OfType<StatementViewProjection>().Single();
        var forgetful = new ForgetfulViews(registered);
        forgetful.AssembleAndAssertValidity();
        var rebuild = new StatementViewRebuild<StatementView>(_store, forgetful, TestDatabase.ConnectionString, 3);

        // when the views are rebuilt with it
        await rebuild.Run(await Newest(), _ => { }, TestContext.Current.CancellationToken);

        // then the comparison sees the difference: a statement keeps the topic it was unfiled from
        var rebuilt = await Documents("mt_doc_statementview");
        Assert.NotEqual(_inline["mt_doc_statementview"], rebuilt);
        Assert.Equal(_inline["mt_doc_statementview"].Count, rebuilt.Count);
    }

    [Fact]
    public async Task Read_EveryStatementEvent_GivesMartensEvents()
    {
        // given every event the statement views fold, as Marten's event query reads them
        var projection = Projection();
        var marten = await MartenEvents(projection);
        var pages = new StatementEventPages(_store, projection.AllEventTypes);

        // when they are read by position in pages of 4 with plain Npgsql
        var read = new List<IEvent>();
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        for (var after = 0L; ; after = read[^1].Sequence)
        {
            var page = await pages.Read(connection, after, long.MaxValue, 4, TestContext.Current.CancellationToken);
            if (page.Count == 0) break;
            read.AddRange(page);
        }

        // then each event is Marten's: the same data of the same type and the metadata the fold and its writes use
        Assert.True(marten.Count > 20, $"{marten.Count} events");
        Assert.Equal(marten.Select(Described), read.Select(Described));
    }

    [Fact]
    public async Task Group_EveryStatementEvent_SlicesAsTheProjectionsSlicer()
    {
        // given every event the statement views fold, and a link of a statement to itself (which the slicer keeps once)
        var projection = Projection();
        var events = await MartenEvents(projection);
        var link = events.Select(e => e.Data).OfType<StatementLinked>().First();
        var selfLink = new Event<StatementLinked>(link with { TargetId = link.StatementId })
        {
            Sequence = events[^1].Sequence + 1, TenantId = events[^1].TenantId, Timestamp = events[^1].Timestamp,
        };
        events.Add(selfLink);

        // when they are grouped by statement for the set-based fold, and by the projection's own slicer
        var ours = StatementEventPages.Group<StatementView>(events);
        await using var session = _store.QuerySession();
        var theirs = (await projection.BuildSlicer(session).SliceAsync(events)).OfType<SliceGroup<StatementView, string>>().Single();

        // then each statement gets the same events in the same order
        Assert.Equal(Slices(theirs), Slices(ours));
        Assert.Contains(Slices(ours), s => s.StartsWith(link.StatementId + ":", StringComparison.Ordinal) && s.EndsWith("," + selfLink.Sequence, StringComparison.Ordinal));
    }

    [Fact]
    public void For_ReadModelNotKeyedByStatement_LeavesItToMarten()
    {
        Assert.Null(StatementViewRebuild.For(ReadModels.ByName["actors"], _store, TestDatabase.ConnectionString));
        Assert.Null(StatementViewRebuild.For(ReadModels.ByName["audit-entries"], _store, TestDatabase.ConnectionString));
    }

    private IAggregationProjection<StatementView, string, IDocumentOperations, IQuerySession> Projection() =>
        _store.Options.Projections.All.OfType<StatementViewProjection>().Single();

    private async Task<List<IEvent>> MartenEvents(IAggregationProjection<StatementView, string, IDocumentOperations, IQuerySession> projection)
    {
        await using var session = _store.QuerySession();
        var types = projection.AllEventTypes;
        return [.. await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(types)).OrderBy(e => e.Sequence)
            .ToListAsync(TestContext.Current.CancellationToken)];
    }

    private string Described(IEvent e) =>
        $"{e.Sequence} {e.Id} {e.StreamKey} {e.Version} {e.EventTypeName} {e.DotNetTypeName} {e.Timestamp:O} {e.TenantId} {e.Data.GetType()} {_store.Options.Serializer().ToJson(e.Data)}";

    private static List<string> Slices(SliceGroup<StatementView, string> group) =>
        [.. ((IEnumerable<EventSlice<StatementView, string>>)group.Slices)
            .Select(s => $"{s.Id}: {string.Join(",", s.Events().Select(e => e.Sequence))}").Order(StringComparer.Ordinal)];

    private static string Table(string model) => model == "statements" ? "mt_doc_statementview" : "mt_doc_statementrevisions";

    private Task<List<string>> Documents(string table) =>
        TestDatabase.Column<string>($"select id::text || ' ' || data::text from {_cluster.Schema}.{table} order by id::text");

    private async Task<long> Newest() => await TestDatabase.Scalar($"select max(seq_id) from {_cluster.Schema}.mt_events");

    private async Task WriteEveryKindOfStatementEvent()
    {
        Assert.True((await _cluster.Grains.GetGrain<ISourceGrain>(_source.Id).Register(_source.Register(), Archivist)).Succeeded);
        string[] actors = ["reb-a0", "reb-a1", "reb-a2"], topics = ["reb-t0", "reb-t1"];
        foreach (var actor in actors)
            Assert.True((await Actor(actor).Register(new RegisterActor(actor, $"Speaker {actor}", "person", "CN"), Archivist)).Succeeded);
        foreach (var topic in topics)
            Assert.True((await Topic(topic).Open(new OpenTopic(topic, $"Topic {topic}"), Archivist)).Succeeded);
        var ids = new List<(string Id, string Actor)>();
        for (var i = 0; i < 6; i++)
        {
            var actor = actors[i % 3];
            var recorded = await Actor(actor).RecordStatement(_source.Statement(actor, i, i % 2 == 0 ? [topics[0]] : [topics[0], topics[1]]), Archivist);
            Assert.True(recorded.Appended, string.Join("; ", recorded.Errors));
            ids.Add((recorded.Id!, actor));
        }
        IActorGrain Speaker(int i) => Actor(ids[i].Actor);
        WriteResult[] results =
        [
            await Speaker(0).VerifyStatement(new VerifyStatement(ids[0].Id, "transcript", "checked against the recording"), Archivist),
            await Speaker(1).AmendStatement(new AmendStatement(ids[1].Id, "the next sentence",
                new StatementChanges(Quote: _source.Sentences[7], Span: _source.Span(7))), Archivist),
            await Speaker(2).AmendStatement(new AmendStatement(ids[2].Id, "said elsewhere", new StatementChanges(Occasion: "press conference")), Archivist),
            await Speaker(2).DisputeStatement(new DisputeStatement(ids[2].Id, "the interpreter differs"), Archivist),
            await Speaker(3).RetractStatement(new RetractStatement(ids[3].Id, "misattributed"), Archivist),
            await Speaker(3).ReinstateStatement(new ReinstateStatement(ids[3].Id, "the attribution was right"), Archivist),
            await Speaker(0).LinkStatement(new LinkStatement(ids[0].Id, ids[1].Id, "repeats"), ids[1].Actor, Archivist),
            await Speaker(4).LinkStatement(new LinkStatement(ids[4].Id, ids[0].Id, "contradicts"), ids[0].Actor, Archivist),
            await Speaker(5).LinkStatement(new LinkStatement(ids[5].Id, ids[2].Id, "clarifies"), ids[2].Actor, Archivist),
            await Speaker(0).UnlinkStatement(new UnlinkStatement(ids[0].Id, ids[1].Id, "linked in error"), Archivist),
            await Topic(topics[1]).File(new FileStatement(topics[1], ids[4].Id, ids[4].Actor), Archivist),
            await Topic(topics[0]).Unfile(new UnfileStatement(topics[0], ids[5].Id, "misfiled"), Archivist),
            await Topic(topics[1]).Unfile(new UnfileStatement(topics[1], ids[1].Id, "misfiled"), Archivist),
            await Speaker(2).VerifyStatement(new VerifyStatement(ids[2].Id, "second source"), Archivist),
        ];
        Assert.All(results, r => Assert.True(r.Appended, string.Join("; ", r.Errors.Select(e => $"{e.Field} {e.Reason}"))));
    }

    private IActorGrain Actor(string id) => _cluster.Grains.GetGrain<IActorGrain>(id);

    private ITopicGrain Topic(string id) => _cluster.Grains.GetGrain<ITopicGrain>(id);

    /// <summary>The views' projection, except that it ignores unfilings: a wrong fold the comparison must catch.</summary>
    private sealed class ForgetfulViews : StatementKeyedProjection<StatementView>
    {
        private readonly IAggregationProjection<StatementView, string, IDocumentOperations, IQuerySession> _views;

        public ForgetfulViews(StatementViewProjection views)
        {
            _views = views;
            foreach (var type in _views.AllEventTypes) IncludeType(type); // the same events: only their fold differs
        }

        public override async ValueTask<StatementView?> EvolveAsync(StatementView? snapshot, string id, IQuerySession session, IEvent e,
            CancellationToken cancellation) =>
            e.Data is StatementUnfiled ? snapshot
                : (await _views.DetermineActionAsync(session, snapshot, id, new Ids(), [e], cancellation)).Item1;

        private sealed class Ids : JasperFx.Events.Aggregation.IIdentitySetter<StatementView, string>
        {
            public void SetIdentity(StatementView document, string identity) => document.Id = identity;

            public string Identity(StatementView document) => document.Id;
        }
    }
}
