using Xunit;

namespace Archive.Extraction.Tests.Readers;

/// <summary>
/// A news broadcast's transcript: the anchor and the correspondent narrate as a report does, the people they show
/// speak under capital labels (each perhaps only once, with whatever title), and unnamed passers-by are no one's record.
/// </summary>
public sealed class BroadcastTranscriptTests
{
    private static readonly DateOnly Day = new(2026, 12, 12);

    private const string Bulletin = "PORT AVEN TV NEWS\nSaturday 12 December 2026, 20:00\n\n"
        + "ANCHOR (LISA MALM): Good evening. The rail link will open late, and travellers are not pleased. Our reporter Jan Ek is at the station.\n\n"
        + "JAN EK (VOICE-OVER): The platforms are empty tonight. Ines Calder, the ambassador, told us the tunnel would be finished by June.\n\n"
        + "KARIN VOLD, STATION MANAGER: We have had three hundred complaints since Monday. People want a date they can trust.\n\n"
        + "JAN EK (VOICE-OVER): The ministry is under pressure.\n\n"
        + "UNIDENTIFIED WOMAN: I have missed two job interviews this month.\n\n"
        + "TOMAS REYES, FOREIGN MINISTRY SPOKESPERSON: The tunnel met hard rock. We chose safety over speed.\n\n"
        + "JAN EK (VOICE-OVER): Jan Ek, Port Aven TV News.\n\n"
        + "PER HOLM, PORT AVEN TV HOST: Later we talk to the minister herself. The fares will rise in spring, the ministry said on Friday.\n\n"
        + "ANCHOR (LISA MALM): Elsewhere tonight, the weather.";

    [Fact]
    public void Extract_BroadcastTranscript_NarratorsAreReadAsAReportAndEachLabelledSpeakerSpeaks()
    {
        var candidates = Given.Extract(Bulletin, Day);

        Assert.Equal("tomas-reyes", candidates.Starting("The tunnel met hard rock").Speaker.ActorId);
        Assert.Equal("ines-calder", candidates.Single(c => c.Quote.Contains("told us the tunnel", StringComparison.Ordinal)).Speaker.ActorId);
        var manager = candidates.Starting("We have had three hundred complaints");
        Assert.Null(manager.Speaker.ActorId);
        Assert.Contains("VOLD", manager.Speaker.Mention, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(candidates, c => c.Quote.Contains("Good evening", StringComparison.Ordinal)
            || c.Quote.Contains("The platforms are empty", StringComparison.Ordinal) || c.Quote.Contains("The ministry is under pressure", StringComparison.Ordinal)
            || c.Quote.Contains("job interviews", StringComparison.Ordinal) || c.Quote.Contains("Elsewhere tonight", StringComparison.Ordinal) || c.Quote.Contains("Later we talk", StringComparison.Ordinal));
    }
}
