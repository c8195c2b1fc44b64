using Archive.Domain;
using Archive.Domain.Actors;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Archive.Grains.Storage;
using Archive.Store.Storage;
using Orleans.Concurrency;

namespace Archive.Grains.Actors;

/// <summary>
/// Reentrant so that concurrent calls interleave at their awaits: each decides on the tentative state
/// (which already holds the events of the calls before it) and their events are confirmed together.
/// </summary>
[Reentrant]
public sealed class ActorGrain(StreamStore storage) : StreamGrain<ActorState>(storage), IActorGrain
{
    protected override string StreamKey => StreamKeys.Actor(this.GetPrimaryKeyString());
    protected override ActorState Initial => ActorState.Empty;
    protected override ActorState Apply(ActorState state, object @event) => state.Apply(@event);
    protected override bool TakesSnapshots => true;

    public Task<WriteResult> Register(RegisterActor command, WriteContext context) =>
        Commit(RegisterActor.Handle(Current, command with { ActorId = this.GetPrimaryKeyString() }, Meta(context)), context, this.GetPrimaryKeyString());

    public Task<WriteResult> AssignRole(AssignRole command, WriteContext context) =>
        Commit(Domain.Actors.AssignRole.Handle(Current, command with { ActorId = this.GetPrimaryKeyString() }, Meta(context)), context, this.GetPrimaryKeyString());

    public Task<WriteResult> AddAlias(AddAlias command, WriteContext context) =>
        Commit(Domain.Actors.AddAlias.Handle(Current, command with { ActorId = this.GetPrimaryKeyString() }, Meta(context)), context, this.GetPrimaryKeyString());

    public async Task<WriteResult> RecordStatement(RecordStatement command, WriteContext context)
    {
        command = command with { ActorId = this.GetPrimaryKeyString() };
        var anchored = command.Anchoring is { } question ? (await AnchorIn(command.SourceId, [question]))?[0] : null;
        // A quote without a span is found in the source first, so even a repeat answers with the statement's id.
        command = command.Located(anchored);
        var (unknownTopics, merged) = await TopicsStanding(command.Topics ?? []);
        var unknownActors = await MissingAll(command.CoSpeakers ?? [], id => GrainFactory.GetGrain<IActorGrain>(id).Exists());

        var decision = Domain.Statements.RecordStatement.Handle(
            Current, command, new RecordingContext(null, unknownTopics, unknownActors, merged) { Anchored = anchored }, Meta(context));
        var result = await Commit(decision, context, command.StatementId);
        if (!result.Succeeded) return result;

        // Filing runs on every (also repeated) request: a retry after a failure here completes the filing.
        foreach (var topic in command.Topics ?? [])
        {
            var filed = await GrainFactory.GetGrain<ITopicGrain>(topic)
                .File(new FileStatement(topic, command.StatementId!, command.ActorId), context);
            if (!filed.Succeeded) return filed;
            if (filed.Position > result.Position) result = result with { Position = filed.Position };
        }
        return result;
    }

    public async Task<IReadOnlyList<WriteResult>> RecordStatements(IReadOnlyList<RecordStatement> commands, WriteContext context)
    {
        var actorId = this.GetPrimaryKeyString();
        // Ask other grains everything first, each question once, so the decisions then run back to back on one state.
        commands = commands.Select(c => c with { ActorId = actorId }).ToArray();
        var anchored = await AnchorAll(commands);
        commands = commands.Select((c, i) => c.Located(anchored[i])).ToArray();
        var (unknownTopics, merged) = await TopicsStanding(commands.SelectMany(c => c.Topics ?? []));
        var unknownActors = await MissingAll(commands.SelectMany(c => c.CoSpeakers ?? []), id => GrainFactory.GetGrain<IActorGrain>(id).Exists());

        var results = (await CommitEach(commands.Zip(anchored).ToArray(), (state, x) => Domain.Statements.RecordStatement.Handle(state, x.First,
                new RecordingContext(null, Among(unknownTopics, x.First.Topics), Among(unknownActors, x.First.CoSpeakers), merged) { Anchored = x.Second }, Meta(context)),
            x => x.First.StatementId, context)).ToArray();

        // As for one statement, filing runs for repeats too, so a retry completes a filing that failed; one append per topic.
        var filings = commands.Select((c, i) => (Command: c, Index: i))
            .Where(x => results[x.Index].Succeeded)
            .SelectMany(x => (x.Command.Topics ?? []).Distinct().Select(topic => (Topic: topic, x.Index, Filing: new FileStatement(topic, x.Command.StatementId!, actorId))))
            .GroupBy(f => f.Topic, StringComparer.Ordinal)
            .ToArray();
        var filed = await Task.WhenAll(filings.Select(g =>
            GrainFactory.GetGrain<ITopicGrain>(g.Key).FileMany(g.Select(f => f.Filing).ToArray(), context)));
        for (var t = 0; t < filings.Length; t++)
        {
            foreach (var (filing, answer) in filings[t].Zip(filed[t]))
            {
                var result = results[filing.Index];
                if (!result.Succeeded) continue;
                results[filing.Index] = !answer.Succeeded ? answer
                    : answer.Position > result.Position ? result with { Position = answer.Position } : result;
            }
        }
        return results;
    }

    public Task<WriteResult> VerifyStatement(VerifyStatement command, WriteContext context) =>
        Commit(Domain.Statements.VerifyStatement.Handle(Current, command, Meta(context)), context, command.StatementId);

    public async Task<WriteResult> AmendStatement(AmendStatement command, WriteContext context)
    {
        // Calls interleave at awaits: ask again if another amendment changed what this one must ask.
        AnchoredQuote? anchored = null;
        for (var question = Domain.Statements.AmendStatement.Anchoring(Current, command); question is not null && anchored?.Question != question;
             question = Domain.Statements.AmendStatement.Anchoring(Current, command))
        {
            var sourceId = Current.Statement(command.StatementId)!.SourceId;
            if ((await AnchorIn(sourceId, [question]))?[0] is not { } answer) break;
            anchored = answer;
        }
        return await Commit(Domain.Statements.AmendStatement.HandleAnchored(Current, command, anchored, Meta(context)), context, command.StatementId);
    }

    public Task<WriteResult> DisputeStatement(DisputeStatement command, WriteContext context) =>
        Commit(Domain.Statements.DisputeStatement.Handle(Current, command, Meta(context)), context, command.StatementId);

    public Task<WriteResult> RetractStatement(RetractStatement command, WriteContext context) =>
        Commit(Domain.Statements.RetractStatement.Handle(Current, command, Meta(context)), context, command.StatementId);

    public Task<WriteResult> ReinstateStatement(ReinstateStatement command, WriteContext context) =>
        Commit(Domain.Statements.ReinstateStatement.Handle(Current, command, Meta(context)), context, command.StatementId);

    public Task<WriteResult> LinkStatement(LinkStatement command, string targetActorId, WriteContext context) =>
        LinkStatement(command, targetActorId, [], context);

    public async Task<WriteResult> LinkStatement(LinkStatement command, string targetActorId, IReadOnlyCollection<string> supersededFromTarget,
        WriteContext context)
    {
        var targetExists = targetActorId == this.GetPrimaryKeyString()
            ? Current.Statement(command.TargetId) is not null
            : Domain.Common.Slug.IsValid(targetActorId) && await GrainFactory.GetGrain<IActorGrain>(targetActorId).HasStatement(command.TargetId);
        return await Commit(Domain.Statements.LinkStatement.Handle(Current, command, new LinkTarget(targetExists, supersededFromTarget), Meta(context)),
            context, command.StatementId);
    }

    public Task<WriteResult> UnlinkStatement(UnlinkStatement command, WriteContext context) =>
        Commit(Domain.Statements.UnlinkStatement.Handle(Current, command, Meta(context)), context, command.StatementId);

    public Task<bool> Exists() => Task.FromResult(Confirmed.Exists);

    public Task<bool> HasStatement(string statementId) =>
        Task.FromResult(Confirmed.Statement(statementId) is not null);

    /// <summary>The source's answers to the questions, in order; null when the source is not registered.</summary>
    private async Task<IReadOnlyList<AnchoredQuote>?> AnchorIn(string? sourceId, IReadOnlyList<AnchorQuote> questions)
    {
        if (sourceId is null || !sourceId.StartsWith("src-", StringComparison.Ordinal) || sourceId.Length > 64) return null;
        return await GrainFactory.GetGrain<ISourceGrain>(sourceId).Anchor(questions);
    }

    /// <summary>Each command's answer (null when nothing is asked or its source is not registered): one call per source, each question once.</summary>
    private async Task<AnchoredQuote?[]> AnchorAll(IReadOnlyList<RecordStatement> commands)
    {
        var answers = new AnchoredQuote?[commands.Count];
        var bySource = commands.Select((c, i) => (c.SourceId, Question: c.Anchoring, Index: i))
            .Where(x => x.Question is not null).GroupBy(x => x.SourceId ?? "", StringComparer.Ordinal);
        await Task.WhenAll(bySource.Select(async group =>
        {
            var questions = group.Select(x => x.Question!).Distinct().ToArray();
            if (await AnchorIn(group.Key, questions) is not { } answered) return;
            var byQuestion = answered.ToDictionary(a => a.Question);
            foreach (var x in group) answers[x.Index] = byQuestion[x.Question!];
        }));
        return answers;
    }

    /// <summary>
    /// Which of the topics do not exist, and which were merged into what (a statement is filed under the topic it went
    /// into): each well-formed topic asked once, all at the same time. Malformed ids are refused by the decision.
    /// </summary>
    private async Task<(IReadOnlySet<string> Unknown, IReadOnlyDictionary<string, string> Merged)> TopicsStanding(IEnumerable<string> topics)
    {
        var distinct = topics.Where(Domain.Common.Slug.IsValid).Distinct(StringComparer.Ordinal).ToArray();
        var standings = await Task.WhenAll(distinct.Select(id => GrainFactory.GetGrain<ITopicGrain>(id).Standing()));
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            if (!standings[i].Exists) unknown.Add(distinct[i]);
            if (standings[i].MergedInto is { } into) merged[distinct[i]] = into;
        }
        return (unknown, merged);
    }

    private static async Task<IReadOnlySet<string>> MissingAll(IEnumerable<string> ids, Func<string, Task<bool>> exists)
    {
        var distinct = ids.Where(Domain.Common.Slug.IsValid).Distinct(StringComparer.Ordinal).ToArray();
        var found = await Task.WhenAll(distinct.Select(exists));
        return distinct.Where((_, i) => !found[i]).ToHashSet(StringComparer.Ordinal);
    }

    private static IReadOnlySet<string> Among(IReadOnlySet<string> missing, IReadOnlyList<string>? ids) =>
        ids is null || missing.Count == 0 ? new HashSet<string>() : ids.Where(missing.Contains).ToHashSet(StringComparer.Ordinal);
}
