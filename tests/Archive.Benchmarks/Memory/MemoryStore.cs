using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Archive.Audit;
using Archive.Benchmarks.Payloads;
using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Store;
using Archive.Store.Database;
using Archive.Store.Storage;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Archive.Benchmarks.Memory;

/// <summary>What <see cref="MemoryStore.Load"/> wrote, and how long it took.</summary>
public sealed record LoadedStore(int Actors, int StatementsPerActor, long Events, double Seconds, int SnapshotBytes);

/// <summary>
/// MEM's store: every corpus source and <c>actors</c> actors with <c>statements</c> statements each, loaded in about a
/// minute instead of the ~11 minutes the HTTP batch path needs for a million statements. The events are the ones the
/// grains would append: each decided by the domain's own <see cref="RegisterActor"/> and <see cref="RecordStatement"/>
/// on the state the previous events produced (quotes anchored by <see cref="AnchorQuote.Answer(SourceState?, AnchorQuote)"/>
/// as the source grain answers them), serialised with the store's serializer and hashed onto each stream's chain with
/// the principal and hash headers the group committer writes, so <c>GET /api/audit/verify</c> walks them like any
/// other. They are written with binary COPY into Marten's event and stream tables of a freshly migrated schema, before
/// the API starts. What a grain's append also does is left out: the inline read models (statement views, revisions,
/// actor views) get no rows for them, and the async daemon is told it has seen them (its progression set to the last
/// position), so the measured process holds grains, not a projection catching up on a million events. Activation reads
/// only the streams, which are complete. No snapshot is written: with the default interval (500 events) an actor of
/// 101 events has none, so each activation replays its stream, as it would in the archive.
/// </summary>
public static class MemoryStore
{
    private const string Principal = "bench";
    private const int ActorsPerCopy = 250;

    public static async Task<LoadedStore> Load(string connectionString, string schema, Corpus corpus, IReadOnlyList<string> actors, int statements)
    {
        var started = Stopwatch.StartNew();
        await ArchiveDatabase.MigrateAsync(connectionString, schema);
        using var store = DocumentStore.For(options => ArchiveStore.Configure(options, connectionString, schema));
        var serializer = store.Options.Serializer();
        var now = DateTimeOffset.UtcNow;
        var meta = new CommandContext(Principal, now);

        var sources = new Dictionary<string, SourceState>(StringComparer.Ordinal);
        var sourceStreams = new List<Stream>();
        foreach (var source in corpus.Sources)
        {
            var decision = RegisterSource.Handle(SourceState.Empty, Corpus.Register(source), meta);
            sources[source.Id] = Must(decision, source.Id).Events.Aggregate(SourceState.Empty, (s, e) => s.Apply(e));
            sourceStreams.Add(Stream.Of(StreamKeys.Source(source.Id), decision.Events, serializer));
        }

        // Decide and hash on worker threads while one connection copies what is ready, a slice of actors at a time.
        var slices = Channel.CreateBounded<Stream[]>(2);
        var snapshotBytes = 0;
        var producing = Task.Run(async () =>
        {
            try
            {
                await slices.Writer.WriteAsync(sourceStreams.ToArray());
                foreach (var slice in actors.Chunk(ActorsPerCopy))
                {
                    var built = new Stream[slice.Length];
                    Parallel.For(0, slice.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
                    {
                        var (stream, state) = Actor(slice[i], corpus, sources, statements, meta, serializer);
                        built[i] = stream;
                        if (slice[i] == actors[0])
                            snapshotBytes = Snapshots.Of(store, stream.Key, stream.Events.Count, stream.Head, state, now).State.Length;
                    });
                    await slices.Writer.WriteAsync(built);
                }
                slices.Writer.Complete();
            }
            catch (Exception e)
            {
                slices.Writer.Complete(e);
            }
        });

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long position = 0;
        await foreach (var slice in slices.Reader.ReadAllAsync())
        {
            await using (var streams = await connection.BeginBinaryImportAsync(
                $"copy {schema}.mt_streams (id, version, timestamp, created, tenant_id, compacted_version, is_archived) from stdin (format binary)"))
            {
                foreach (var s in slice)
                {
                    await streams.StartRowAsync();
                    await streams.WriteAsync(s.Key, NpgsqlDbType.Varchar);
                    await streams.WriteAsync((long)s.Events.Count, NpgsqlDbType.Bigint);
                    await streams.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await streams.WriteAsync(now, NpgsqlDbType.TimestampTz);
                    await streams.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar);
                    await streams.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await streams.WriteAsync(false, NpgsqlDbType.Boolean);
                }
                await streams.CompleteAsync();
            }
            await using (var events = await connection.BeginBinaryImportAsync(
                $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, headers, is_archived) from stdin (format binary)"))
            {
                foreach (var s in slice)
                {
                    for (var i = 0; i < s.Events.Count; i++)
                    {
                        var e = s.Events[i];
                        await events.StartRowAsync();
                        await events.WriteAsync(++position, NpgsqlDbType.Bigint);
                        await events.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await events.WriteAsync(s.Key, NpgsqlDbType.Varchar);
                        await events.WriteAsync((long)(i + 1), NpgsqlDbType.Bigint);
                        await events.WriteAsync(e.Json, NpgsqlDbType.Jsonb);
                        await events.WriteAsync(e.Alias, NpgsqlDbType.Varchar);
                        await events.WriteAsync(now, NpgsqlDbType.TimestampTz);
                        await events.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar);
                        await events.WriteAsync(e.DotnetType, NpgsqlDbType.Varchar);
                        await events.WriteAsync(e.Headers, NpgsqlDbType.Jsonb);
                        await events.WriteAsync(false, NpgsqlDbType.Boolean);
                    }
                }
                await events.CompleteAsync();
            }
        }
        await producing;
        // The next append takes the next position; the daemon starts where the load ended (see the summary).
        await using (var marks = new NpgsqlCommand($"""
            select setval('{schema}.mt_events_sequence', @last);
            insert into {schema}.mt_event_progression (name, last_seq_id) select name, @last from unnest(@names) name
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = transaction_timestamp();
            """, connection, transaction))
        {
            marks.Parameters.AddWithValue("last", position);
            marks.Parameters.AddWithValue("names", (string[])["HighWaterMark", "HighWaterAllocationFence", "Archive.Store.Audit.AuditEntryProjection:All"]);
            await marks.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return new LoadedStore(actors.Count, statements, position, started.Elapsed.TotalSeconds, snapshotBytes);
    }

    /// <summary>An actor's stream as its grain would have written it: registered, then <paramref name="statements"/> statements recorded one by one.</summary>
    private static (Stream Stream, ActorState State) Actor(string actor, Corpus corpus, Dictionary<string, SourceState> sources, int statements,
        CommandContext meta, Marten.ISerializer serializer)
    {
        var state = ActorState.Empty;
        var events = new List<object>(statements + 1);
        void Take(Decision decision, string what)
        {
            foreach (var e in Must(decision, what).Events)
            {
                events.Add(e);
                state = state.Apply(e);
            }
        }
        Take(RegisterActor.Handle(state, new RegisterActor(actor, $"Speaker {actor}", "person", "PK"), meta), actor);
        var none = new HashSet<string>();
        for (var n = 0; n < statements; n++)
        {
            var command = corpus.Statement(actor, n);
            var anchored = AnchorQuote.Answer(sources[command.SourceId], command.Anchoring!);
            command = command.Located(anchored);
            var decision = RecordStatement.Handle(state, command, new RecordingContext(null, none, none, new Dictionary<string, string>()) { Anchored = anchored }, meta);
            if (decision.IsNoOp) throw new InvalidOperationException($"MEM: statement {n} of {actor} repeats an earlier one");
            Take(decision, $"{actor} statement {n}");
        }
        return (Stream.Of(StreamKeys.Actor(actor), events, serializer), state);
    }

    private static Decision Must(Decision decision, string what) =>
        decision.Succeeded ? decision : throw new InvalidOperationException($"MEM: {what} was refused: {string.Join("; ", decision.Errors)}");

    private sealed record Event(string Json, string Alias, string DotnetType, string Headers);

    /// <summary>A stream's events with their chain: each hashed over the previous one's hash, as <see cref="StreamStore.Hash"/> does.</summary>
    private sealed record Stream(string Key, IReadOnlyList<Event> Events, string? Head)
    {
        public static Stream Of(string key, IReadOnlyList<object> events, Marten.ISerializer serializer)
        {
            string? head = null;
            var rows = new Event[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                var json = serializer.ToJson(e);
                var alias = EventAliases.ByType[e.GetType()];
                head = EventHash.ComputeFromJson(head, key, i + 1, alias, json);
                var headers = $$"""{"{{ArchiveStore.PrincipalHeader}}": "{{Principal}}", "{{EventHash.Header}}": "{{head}}"}""";
                rows[i] = new Event(json, alias, $"{e.GetType().FullName}, {e.GetType().Assembly.GetName().Name}", headers);
            }
            return new Stream(key, rows, head);
        }
    }
}
