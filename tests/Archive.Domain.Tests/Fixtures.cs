using Archive.Domain.Actors;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Archive.Domain.Topics;

namespace Archive.Domain.Tests;

/// <summary>The fixed world the domain tests start from: one clock, one archivist, one source, one speaker.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Earlier = Now.AddDays(-1);
    public const string Archivist = "archivist-1";
    public static readonly CommandContext Context = new(Archivist, Now);

    public const string ActorId = "lin-jian";
    public const string CoSpeakerId = "wang-yi";
    public static readonly DateOnly SaidOn = new(2025, 2, 20);

    // Curly quote marks and a line break inside a sentence: what archivists cannot type consistently.
    // Only BMP characters, so a UTF-16 index is also a code point offset.
    public const string Text =
        "At the press conference Lin Jian said: “We’ll never accept interference in our internal affairs.”\n" +
        "He added that the corridor\nwould bring prosperity to the whole region.\n" +
        "Reporters asked about the summit. No answer was given.";

    public const string Quote = "We’ll never accept interference in our internal affairs.";
    public const string SecondQuote = "the corridor\nwould bring prosperity to the whole region.";

    public static TextSpan SpanOf(string part, string text = Text)
    {
        var index = text.IndexOf(part, StringComparison.Ordinal);
        if (index < 0) throw new ArgumentException($"'{part}' is not in the text", nameof(part));
        return new TextSpan(index, index + part.Length);
    }

    public static SourceRegistered SourceRegistered(string text = Text)
    {
        var normalised = SourceText.Normalise(text);
        return new SourceRegistered(SourceText.IdFor(normalised), "Regular press conference", "Ministry of Foreign Affairs",
            "https://example.org/press/2025-02-20", SaidOn, "en", SourceText.Hash(normalised), normalised, Archivist, Earlier);
    }

    public static readonly string SourceId = SourceRegistered().SourceId;
    public static SourceState Source(string text = Text) => SourceState.Replay([SourceRegistered(text)]);

    public static ActorRegistered ActorRegistered(string actorId = ActorId) =>
        new(actorId, "Lin Jian", "person", "CN", ["林剑"], Archivist, Earlier);

    public static RecordStatement Record(string quote = Quote, TextSpan? span = null) =>
        new(ActorId, SourceId, quote, span ?? SpanOf(quote), QuoteKinds.Direct, SaidOn, "Regular press conference", ["cpec"], "en");

    /// <summary>Records <paramref name="command"/> by a registered speaker (or <paramref name="state"/>), with every reference known unless <paramref name="context"/> says otherwise.</summary>
    public static Decision Recording(RecordStatement command, RecordingContext? context = null, ActorState? state = null) =>
        RecordStatement.Handle(state ?? Given(ActorRegistered()), command, context ?? Known(), Context);

    public static RecordingContext Known(SourceState? source = null) =>
        new(source ?? Source(), new HashSet<string>(), new HashSet<string>());

    /// <summary>The event a successful recording of <paramref name="command"/> appends, built by hand.</summary>
    public static StatementRecorded Recorded(RecordStatement command) =>
        new(command.ActorId, command.StatementId!, command.Quote, command.QuoteKind, command.SaidOn!.Value, command.Occasion,
            command.SourceId, command.Span!, command.Topics ?? [], command.Language ?? "en", command.CoSpeakers ?? [], Archivist, Earlier);

    public static StatementRecorded Recorded() => Recorded(Record());
    public static string StatementId => Record().StatementId!;
    public static string SecondStatementId => Record(SecondQuote).StatementId!;

    public static ActorState Given(params object[] events) => ActorState.Replay(events);
    public static TopicState GivenTopic(params object[] events) => TopicState.Replay(events);
    public static SourceState GivenSource(params object[] events) => SourceState.Replay(events);

    public const string TopicId = "cpec";
    public static TopicOpened TopicOpened(string topicId = TopicId) =>
        new(topicId, "China–Pakistan Economic Corridor", "Statements on the corridor", null, Archivist, Earlier);

    /// <summary>Text a hostile or careless client might send, by a name that reads well in test output.</summary>
    public static readonly IReadOnlyDictionary<string, string> Hostile = new Dictionary<string, string>
    {
        ["bell"] = "Lin\u0007Jian",
        ["nul"] = "Lin\0Jian",
        ["escape"] = "Lin\u001B[31mJian",
        ["lone-high-surrogate"] = "Lin\uD800Jian",
        ["lone-low-surrogate"] = "Lin\uDC00Jian",
        ["trailing-high-surrogate"] = "Lin Jian\uD800",
        ["reversed-surrogates"] = "Lin\uDE00\uD83DJian",
        ["ten-thousand-chars"] = new string('x', 10_000),
    };
}
