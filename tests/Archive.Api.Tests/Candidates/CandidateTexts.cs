using System.Text.Json;
using Xunit;

namespace Archive.Api.Tests.Candidates;

/// <summary>
/// Texts written for these tests in the three shapes the extractor reads, about two fictional governments (Marovia
/// and Selland), and the archive state they are read against.
/// </summary>
public static class CandidateTexts
{
    public const string Transcript = """
        Regular Press Briefing of the Ministry of Foreign Affairs of Marovia, 12 May 2026

        Irena Volk: Good afternoon. I have one announcement. At the invitation of Marovia, a delegation of the Selland water authority will visit the Drava dam next week.

        Q: Selland says the dam has reduced the flow of the Drava river downstream. What is your response?

        Irena Volk: The dam releases more water in the dry season than the river carried before it was built. We have shared the measurements with Selland, and we welcome independent experts to check them.

        Q: Will the two countries sign a water agreement this year?

        Irena Volk: Both sides are working hard on a text. Selland stressed that it wants an agreement before the autumn floods. We share that goal.
        """;

    public const string News = """
        PORT LIRA, June 2 – The foreign minister of Selland, Tomas Brandt, said on Monday that his government would reopen the border crossing at Kell to freight traffic by the end of the month.

        "We have listened to the hauliers, and we are ready to act," Brandt told reporters in the capital.

        Irena Volk, the spokesperson of the Marovian foreign ministry, welcomed the decision. "This is good news for the people on both banks of the Drava river," she said.

        "The queues will be gone within a week," said Karl Esser, who drives a lorry between the two capitals.
        """;

    public const string Joint = """
        Joint Statement between Marovia and Selland

        On May 20, 2026, Foreign Minister Tomas Brandt of Selland and Foreign Minister Ana Kovac of Marovia held talks in Port Lira.

        The two sides agreed to establish a joint commission on the Drava river.

        Both sides reaffirmed their commitment to the free movement of goods across the border.
        """;

    /// <summary>Registers the actors and the topic the texts name.</summary>
    public static async Task GivenTheArchive(HttpClient client)
    {
        object[] actors =
        [
            new { id = "irena-volk", name = "Irena Volk", kind = "person", country = "XM" },
            new { id = "tomas-brandt", name = "Tomas Brandt", kind = "person", country = "XS" },
            new { id = "ana-kovac", name = "Ana Kovac", kind = "person", country = "XM" },
            new { id = "marovia", name = "Marovia", kind = "organisation", country = "XM", aliases = new[] { "Government of Marovia" } },
            new { id = "selland", name = "Selland", kind = "organisation", country = "XS", aliases = new[] { "Government of Selland" } },
        ];
        foreach (var actor in actors) Assert.Equal(201, (await client.Post<Written>("/api/actors", actor)).Status);
        Assert.Equal(201, (await client.Post<Written>("/api/topics", new { id = "drava-river", title = "Drava river" })).Status);
    }

    public static async Task<string> Register(HttpClient client, string title, string text, string? publishedOn)
    {
        var registered = await client.Post<Written>("/api/sources", new { title, text, publishedOn, language = "en" });
        Assert.Equal(201, registered.Status);
        return registered.Body!.Id;
    }

    public static string Slice(string text, JsonElement span)
    {
        var runes = text.EnumerateRunes().ToArray();
        var (start, end) = (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32());
        return string.Concat(runes[start..end].Select(r => r.ToString()));
    }
}

// What a client sees of the candidates; declared here so the tests check the wire format.
public sealed record CandidatePage(string ExtractorVersion, List<CandidateWire> Items);

public sealed record CandidateWire(
    int Index, JsonElement Span, string Quote, string QuoteKind, SpeakerWire Speaker, List<string> CoSpeakers, string? SaidOn,
    string? SaidOnCue, List<string> Topics, string Rule, string Confidence, string? RecordedStatementId);

public sealed record SpeakerWire(string? ActorId, string Mention);

public sealed record HistoryWire(string Type, string? Principal, Dictionary<string, string>? Metadata);
