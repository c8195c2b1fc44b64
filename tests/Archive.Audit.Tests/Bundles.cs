using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Archive.Audit;
using Xunit;

namespace Archive.Audit.Tests;

/// <summary>Export bundles built the way the server writes them, hashes computed with <see cref="EventHash"/> over <see cref="CanonicalJson"/>.</summary>
internal static class Bundles
{
    public sealed record Event(long Position, string Stream, long Version, string Type, string Data);

    public const string Actor = "actor:lin-jian";
    public const string Topic = "topic:cpec";

    // Nested objects, arrays, non-ASCII text, curly quotes, fractions and negative numbers, as event bodies carry them.
    public static readonly Event[] Events =
    [
        new(1, Actor, 1, "actor_registered",
            """{"actorId":"lin-jian","name":"Lin Jian","kind":"person","aliases":["林剑","Lin J."],"country":"CN","registeredAt":"2025-01-06T09:00:00+00:00","registeredBy":"archivist"}"""),
        new(2, Topic, 1, "topic_opened",
            """{"topicId":"cpec","title":"China–Pakistan Economic Corridor","description":"Projects, loans and security","openedAt":"2025-01-06T09:01:00+00:00","openedBy":"archivist"}"""),
        new(4, Actor, 2, "statement_recorded",
            """{"actorId":"lin-jian","statementId":"st-0123456789abcdef0123","quote":"We “welcome” every partner — 欢迎 🤝","quoteKind":"direct","span":{"start":12,"end":40},"saidOn":"2025-01-06","topics":["cpec"],"weight":0.75,"offset":-3,"source":{"sourceId":"src-00aa","meta":{"pages":12,"lang":"zh"}},"recordedAt":"2025-01-06T09:02:00+00:00","recordedBy":"archivist"}"""),
        new(5, Topic, 2, "statement_filed",
            """{"topicId":"cpec","statementId":"st-0123456789abcdef0123","actorId":"lin-jian","filedAt":"2025-01-06T09:03:00+00:00","filedBy":"archivist"}"""),
        new(7, Actor, 3, "statement_verified",
            """{"actorId":"lin-jian","statementId":"st-0123456789abcdef0123","method":"transcript","note":"Matches the ministry’s transcript, p. 3","verifiedAt":"2025-01-07T10:00:00+00:00","verifiedBy":"auditor"}"""),
    ];

    /// <summary>Line numbers (1-based) of the events above in <see cref="Lines"/>.</summary>
    public static int LineOf(int eventIndex) => eventIndex + 2;

    public static List<string> Lines() => Lines(Events);

    /// <summary>A bundle of these events; <paramref name="dataAsWritten"/> replaces the text of a body without changing what was hashed.</summary>
    public static List<string> Lines(IReadOnlyList<Event> events, long from = 1, long to = 7, Func<Event, string>? dataAsWritten = null,
        IReadOnlyDictionary<string, string>? previousBefore = null)
    {
        var lines = new List<string>
        {
            $$"""{"kind":"header","format":"statement-archive-bundle","formatVersion":1,"exportedAt":"2025-01-08T12:00:00+00:00","fromPosition":{{from}},"toPosition":{{to}},"hash":"sha256","canonicalization":"RFC 8785","publicKey":null}""",
        };
        var heads = new Dictionary<string, string>(previousBefore ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var e in events)
        {
            var previous = heads.GetValueOrDefault(e.Stream);
            var hash = EventHash.Compute(previous, e.Stream, e.Version, e.Type, CanonicalJson.Canonicalize(e.Data));
            heads[e.Stream] = hash;
            lines.Add(EventLine(e, dataAsWritten?.Invoke(e) ?? e.Data, hash, previous));
        }
        lines.Add($$"""{"kind":"footer","events":{{events.Count}},"streams":{{events.Select(e => e.Stream).Distinct().Count()}}}""");
        return lines;
    }

    public static string EventLine(Event e, string data, string hash, string? previous)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "event");
            writer.WriteNumber("position", e.Position);
            writer.WriteString("stream", e.Stream);
            writer.WriteNumber("version", e.Version);
            writer.WriteString("type", e.Type);
            writer.WriteString("timestamp", "2025-01-06T09:00:00.123456+00:00");
            writer.WritePropertyName("data");
            writer.WriteRawValue(data, skipInputValidation: true);
            writer.WriteString("hash", hash);
            if (previous is null) writer.WriteNull("previousHash");
            else writer.WriteString("previousHash", previous);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Text(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";

    /// <summary>A valid bundle with one line edited.</summary>
    public static List<string> With(int line, Func<string, string> edit)
    {
        var lines = Lines();
        lines[line - 1] = edit(lines[line - 1]);
        return lines;
    }

    public static BundleFailure Failed(IEnumerable<string> lines)
    {
        var result = BundleVerifier.Verify(lines);
        Assert.True(result.Failure is not null, "expected the bundle to fail verification, but it verified");
        return result.Failure;
    }
}
