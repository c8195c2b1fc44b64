using System.Text.Json;
using Archive.Domain.Actors;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests;

/// <summary>Every event changes the state of its stream, and replaying a history equals applying it one event at a time.</summary>
public sealed class StateApplyTests
{
    private static readonly ActorState Actor = Given(ActorRegistered(), Recorded(), Recorded(Record(SecondQuote)));
    private static readonly TopicState Topic = GivenTopic(TopicOpened(), new StatementFiled(TopicId, StatementId, ActorId, Archivist, Earlier));

    private static readonly Dictionary<Type, (object Before, object Event)> Samples = new()
    {
        [typeof(ActorRegistered)] = (ActorState.Empty, ActorRegistered()),
        [typeof(ActorRoleAssigned)] = (Actor, new ActorRoleAssigned(ActorId, "Spokesperson", "Ministry of Foreign Affairs", null, null, Archivist, Now)),
        [typeof(ActorAliasAdded)] = (Actor, new ActorAliasAdded(ActorId, "Spokesman Lin", Archivist, Now)),
        [typeof(StatementRecorded)] = (Given(ActorRegistered()), Recorded()),
        [typeof(StatementVerified)] = (Actor, new StatementVerified(ActorId, StatementId, "video", null, Archivist, Now)),
        [typeof(StatementAmended)] = (Actor, new StatementAmended(ActorId, StatementId, new StatementChanges(Occasion: "Briefing"), "Misnamed", Archivist, Now)),
        [typeof(StatementDisputed)] = (Actor, new StatementDisputed(ActorId, StatementId, "Denied", Archivist, Now)),
        [typeof(StatementRetracted)] = (Actor, new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Now)),
        [typeof(StatementLinked)] = (Actor, new StatementLinked(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Now)),
        [typeof(StatementUnlinked)] = (Actor.Apply(new StatementLinked(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Earlier)),
            new StatementUnlinked(ActorId, StatementId, SecondStatementId, "clarifies", "Not a clarification", Archivist, Now)),
        [typeof(StatementReinstated)] = (Actor.Apply(new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Earlier)),
            new StatementReinstated(ActorId, StatementId, "The attribution was right", StatementStatus.Recorded, null, Archivist, Now)),
        [typeof(TopicOpened)] = (TopicState.Empty, TopicOpened()),
        [typeof(TopicRenamed)] = (Topic, new TopicRenamed(TopicId, "CPEC", Archivist, Now)),
        [typeof(TopicMerged)] = (Topic, new TopicMerged(TopicId, "belt-and-road", "Folded in", Archivist, Now)),
        [typeof(StatementFiled)] = (Topic, new StatementFiled(TopicId, SecondStatementId, ActorId, Archivist, Now)),
        [typeof(StatementUnfiled)] = (Topic, new StatementUnfiled(TopicId, StatementId, "Off topic", Archivist, Now)),
        [typeof(SourceRegistered)] = (SourceState.Empty, SourceRegistered()),
        [typeof(SourceCorrected)] = (GivenSource(SourceRegistered()), new SourceCorrected(SourceId, "Press conference of 20 February", null, null, null, null, "Title", Archivist, Now)),
        [typeof(Audit.SealRecorded)] = (Audit.SealState.Empty, new Audit.SealRecorded(1, 1, 10, 10, new string('a', 64), null, null, Archivist, Now)),
    };

    public static TheoryData<string> Aliases() => new(EventAliases.ByType.Values);

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Apply_EachEventType_ChangesState(string alias)
    {
        var type = EventAliases.ByType.Single(p => p.Value == alias).Key;
        Assert.True(Samples.TryGetValue(type, out var sample), $"no sample event for {type.Name}");
        var before = Snapshot(sample.Before);

        var after = ApplyTo(sample.Before, sample.Event);

        Assert.NotEqual(before, Snapshot(after));
        Assert.Equal(before, Snapshot(sample.Before));
    }

    [Fact]
    public void Apply_StatementEventForUnknownStatement_LeavesStateUnchanged()
    {
        var state = Given(ActorRegistered());

        var after = state.Apply(new StatementVerified(ActorId, StatementId, "video", null, Archivist, Now));

        Assert.Equal(Snapshot(state), Snapshot(after));
    }

    [Fact]
    public void Apply_StatementEvents_CountRevisionsAndTrackStatus()
    {
        var state = Given(ActorRegistered(), Recorded(),
            new StatementVerified(ActorId, StatementId, "video", "note", Archivist, Now),
            new StatementDisputed(ActorId, StatementId, "Denied", Archivist, Now),
            new StatementLinked(ActorId, StatementId, SecondStatementId, "clarifies", Archivist, Now),
            new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Now));

        var statement = state.Statement(StatementId)!;

        Assert.Equal(5, statement.Revision);
        Assert.Equal(StatementStatus.Retracted, statement.Status);
        Assert.Equal("Misattributed", statement.StatusReason);
        Assert.Equal(Fingerprints.Verification("video", "note"), statement.Verified);
        Assert.Equal([new StatementLink(SecondStatementId, "clarifies")], statement.Links);
    }

    [Fact]
    public void Replay_HistoryBuiltByDecisions_EqualsIncrementalApply()
    {
        var commands = new Func<ActorState, Archive.Domain.Common.Decision>[]
        {
            s => RegisterActor.Handle(s, new RegisterActor(ActorId, "Lin Jian", "person", "CN", ["林剑"]), Context),
            s => AssignRole.Handle(s, new AssignRole(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1)), Context),
            s => AssignRole.Handle(s, new AssignRole(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 31)), Context),
            s => AddAlias.Handle(s, new AddAlias(ActorId, "Spokesman Lin"), Context),
            s => RecordStatement.Handle(s, Record(), Known(), Context),
            s => RecordStatement.Handle(s, Record(SecondQuote), Known(), Context),
            s => VerifyStatement.Handle(s, new VerifyStatement(StatementId, "video"), Context),
            s => AmendStatement.Handle(s, new AmendStatement(StatementId, "Wrong sentence", new StatementChanges(Quote: "Reporters asked about the summit.")), Source(), Context),
            s => DisputeStatement.Handle(s, new DisputeStatement(SecondStatementId, "Denied"), Context),
            s => LinkStatement.Handle(s, new LinkStatement(SecondStatementId, StatementId, "clarifies"), true, Context),
            s => RetractStatement.Handle(s, new RetractStatement(SecondStatementId, "Misattributed"), Context),
            s => ReinstateStatement.Handle(s, new ReinstateStatement(SecondStatementId, "The attribution was right"), Context),
            s => UnlinkStatement.Handle(s, new UnlinkStatement(SecondStatementId, StatementId, "Not a clarification"), Context),
        };
        var state = ActorState.Empty;
        var history = new List<object>();

        foreach (var command in commands)
        {
            var decision = command(state);
            Assert.True(decision.Succeeded, string.Join("; ", decision.Errors));
            Assert.NotEmpty(decision.Events);
            foreach (var e in decision.Events) { state = state.Apply(e); history.Add(e); }
        }

        Assert.Equal(Snapshot(state), Snapshot(ActorState.Replay(history)));
        for (var split = 0; split <= history.Count; split++)
        {
            var incremental = history.Skip(split).Aggregate(ActorState.Replay(history.Take(split)), (s, e) => s.Apply(e));
            Assert.Equal(Snapshot(state), Snapshot(incremental));
        }
    }

    [Fact]
    public void Replay_TopicHistory_EqualsIncrementalApply()
    {
        object[] history =
        [
            TopicOpened(), new TopicRenamed(TopicId, "CPEC", Archivist, Now),
            new StatementFiled(TopicId, StatementId, ActorId, Archivist, Now),
            new StatementFiled(TopicId, SecondStatementId, ActorId, Archivist, Now),
            new StatementUnfiled(TopicId, StatementId, "Off topic", Archivist, Now),
            new TopicMerged(TopicId, "belt-and-road", "Folded in", Archivist, Now),
        ];

        var incremental = TopicState.Empty;
        foreach (var e in history) incremental = incremental.Apply(e);

        Assert.Equal(Snapshot(incremental), Snapshot(TopicState.Replay(history)));
        Assert.Equal([SecondStatementId], incremental.Filed.Keys);
        Assert.Equal("belt-and-road", incremental.MergedInto);
    }

    private static object ApplyTo(object state, object @event) => state switch
    {
        ActorState actor => actor.Apply(@event),
        TopicState topic => topic.Apply(@event),
        SourceState source => source.Apply(@event),
        Audit.SealState seal => seal.Apply(@event),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state.GetType().Name, null),
    };

    // Records holding immutable collections compare them by reference; compare what they hold instead.
    private static string Snapshot(object state) => JsonSerializer.Serialize(state, state.GetType());
}
