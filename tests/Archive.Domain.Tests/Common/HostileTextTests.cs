using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Common;

/// <summary>Control characters, broken UTF-16 and oversized text are refused as validation errors on the field that carries them.</summary>
public sealed class HostileTextTests
{
    // Fields whose limit is above 10,000 characters only meet the broken-text cases.
    private static readonly string[] LongFields = ["recordStatement.quote", "registerSource.text"];

    public static TheoryData<string, string> Cases()
    {
        string[] commands =
        [
            "registerActor.name", "registerActor.aliases[0]", "addAlias.alias", "assignRole.role", "openTopic.title",
            "openTopic.description", "renameTopic.title", "registerSource.title", "registerSource.text", "recordStatement.quote",
            "recordStatement.occasion", "verifyStatement.method", "verifyStatement.note", "retractStatement.reason",
            "disputeStatement.reason", "amendStatement.reason", "unfileStatement.reason", "reinstateStatement.reason",
            "unlinkStatement.reason", "mergeTopic.reason", "correctSource.reason", "correctSource.title", "correctSource.outlet",
        ];
        var data = new TheoryData<string, string>();
        foreach (var command in commands)
        foreach (var hostile in Hostile.Keys)
        {
            if (hostile == "ten-thousand-chars" && LongFields.Contains(command)) continue;
            if (command == "registerSource.text" && hostile.Contains("surrogate", StringComparison.Ordinal)) continue;
            data.Add(command, hostile);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Command_HostileText_IsRefusedNamingField(string commandAndField, string hostile)
    {
        var value = Hostile[hostile];

        var decision = Decide(commandAndField, value);

        Then.Refused(decision, ErrorKind.Validation, commandAndField.Split('.')[1]);
    }

    // string.Normalize throws on an unpaired surrogate, and the text is normalised before it is checked:
    // the refusal must still be a validation error, not an exception.
    [Theory]
    [InlineData("lone-high-surrogate")]
    [InlineData("lone-low-surrogate")]
    [InlineData("trailing-high-surrogate")]
    [InlineData("reversed-surrogates")]
    public void RegisterSource_TextWithUnpairedSurrogate_IsRefusedNamingText(string hostile)
    {
        var command = new RegisterSource("Press conference", Hostile[hostile]);

        var decision = RegisterSource.Handle(SourceState.Empty, command, Context);

        Then.Refused(decision, ErrorKind.Validation, "text");
    }

    [Fact]
    public void RecordStatement_QuoteLongerThanLimit_IsRefusedNamingQuote()
    {
        var command = Record() with { Quote = new string('x', RecordStatement.MaxQuoteLength + 1) };

        var decision = RecordStatement.Handle(Given(ActorRegistered()), command, Known(), Context);

        Then.Refused(decision, ErrorKind.Validation, "quote");
    }

    private static Decision Decide(string commandAndField, string value)
    {
        var actor = Given(ActorRegistered(), Recorded());
        var topic = GivenTopic(TopicOpened(), new StatementFiled(TopicId, StatementId, ActorId, Archivist, Earlier));
        return commandAndField switch
        {
            "registerActor.name" => RegisterActor.Handle(ActorState.Empty, new RegisterActor(ActorId, value, "person"), Context),
            "registerActor.aliases[0]" => RegisterActor.Handle(ActorState.Empty, new RegisterActor(ActorId, "Lin Jian", "person", Aliases: [value]), Context),
            "addAlias.alias" => AddAlias.Handle(actor, new AddAlias(ActorId, value), Context),
            "assignRole.role" => AssignRole.Handle(actor, new AssignRole(ActorId, value, "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1)), Context),
            "openTopic.title" => OpenTopic.Handle(TopicState.Empty, new OpenTopic(TopicId, value), false, Context),
            "openTopic.description" => OpenTopic.Handle(TopicState.Empty, new OpenTopic(TopicId, "Corridor", value), false, Context),
            "renameTopic.title" => RenameTopic.Handle(topic, new RenameTopic(TopicId, value), Context),
            "registerSource.title" => RegisterSource.Handle(SourceState.Empty, new RegisterSource(value, Text), Context),
            "registerSource.text" => RegisterSource.Handle(SourceState.Empty, new RegisterSource("Press conference", value), Context),
            "recordStatement.quote" => RecordStatement.Handle(actor, Record() with { Quote = value, QuoteKind = QuoteKinds.Reported }, Known(), Context),
            "recordStatement.occasion" => RecordStatement.Handle(actor, Record() with { Occasion = value }, Known(), Context),
            "verifyStatement.method" => VerifyStatement.Handle(actor, new VerifyStatement(StatementId, value), Context),
            "verifyStatement.note" => VerifyStatement.Handle(actor, new VerifyStatement(StatementId, "video", value), Context),
            "retractStatement.reason" => RetractStatement.Handle(actor, new RetractStatement(StatementId, value), Context),
            "disputeStatement.reason" => DisputeStatement.Handle(actor, new DisputeStatement(StatementId, value), Context),
            "amendStatement.reason" => AmendStatement.Handle(actor, new AmendStatement(StatementId, value, new StatementChanges(Occasion: "Briefing")), Source(), Context),
            "unfileStatement.reason" => UnfileStatement.Handle(topic, new UnfileStatement(TopicId, StatementId, value), Context),
            "reinstateStatement.reason" => ReinstateStatement.Handle(actor.Apply(new StatementRetracted(ActorId, StatementId, "Misattributed", Archivist, Earlier)),
                new ReinstateStatement(StatementId, value), Context),
            "unlinkStatement.reason" => UnlinkStatement.Handle(actor, new UnlinkStatement(StatementId, StatementId.Replace('0', '1'), value), Context),
            "mergeTopic.reason" => MergeTopic.Handle(topic, new MergeTopic(TopicId, "belt-and-road", value), new MergeTarget(true), Context),
            "correctSource.reason" => CorrectSource.Handle(GivenSource(SourceRegistered()), new CorrectSource(SourceId, value, Title: "New title"), Context),
            "correctSource.title" => CorrectSource.Handle(GivenSource(SourceRegistered()), new CorrectSource(SourceId, "Misspelt", Title: value), Context),
            "correctSource.outlet" => CorrectSource.Handle(GivenSource(SourceRegistered()), new CorrectSource(SourceId, "Misspelt", Outlet: value), Context),
            _ => throw new ArgumentOutOfRangeException(nameof(commandAndField), commandAndField, null),
        };
    }
}
