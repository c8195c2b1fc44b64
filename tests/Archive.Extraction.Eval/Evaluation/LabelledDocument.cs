using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.Extraction.Eval.Evaluation;

/// <summary>
/// One labelled document: where its text is, its metadata (what registering the source would store: title and
/// publication date, null when neither the text nor its origin states one), its shape and split, and every statement
/// in it. <see cref="Batch"/> names when the document joined the set, so documents written later are measured apart.
/// </summary>
public sealed record LabelledDocument(
    string Document,
    string TextFile,
    string? Title,
    DateOnly? PublishedOn,
    string Language,
    string Shape,
    string Split,
    IReadOnlyList<Label> Statements,
    string? Batch = null)
{
    public string Text { get; init; } = "";
}

/// <summary>
/// A statement a careful archivist would record. <see cref="AlsoAccepted"/> lists other actors the text equally
/// supports (a country and the minister who spoke for it); it is empty for most labels.
/// </summary>
public sealed record Label(
    CodePointSpan Span,
    string Quote,
    LabelSpeaker Speaker,
    string Kind,
    DateOnly? SaidOn,
    IReadOnlyList<string>? CoSpeakers = null,
    IReadOnlyList<string>? AlsoAccepted = null);

/// <summary>The labelled speaker: an actor id, or only the words of the text when the archive has no such actor.</summary>
public sealed record LabelSpeaker(string? ActorId, string? Mention);

/// <summary>The actors and topics the labelled documents are read against.</summary>
public sealed record LabelledArchive(IReadOnlyList<KnownActor> Actors, IReadOnlyList<KnownTopic> Topics);

public static class DevSet
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The repository root, found from the running assembly by walking up to Archive.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
        throw new InvalidOperationException("Archive.sln not found above " + AppContext.BaseDirectory);
    }

    public static string DataDirectory(string root) => Path.Combine(root, "tests", "Archive.Extraction.Tests", "Data");

    public static IReadOnlyList<LabelledDocument> Load(string root)
    {
        var documents = new List<LabelledDocument>();
        foreach (var file in Directory.GetFiles(Path.Combine(DataDirectory(root), "labels"), "*.json").Order(StringComparer.Ordinal))
        {
            var document = JsonSerializer.Deserialize<LabelledDocument>(File.ReadAllText(file), Json)
                ?? throw new InvalidDataException(file);
            var raw = File.ReadAllText(Path.Combine(root, document.TextFile));
            documents.Add(document with { Text = Normalise(raw) });
        }
        return documents;
    }

    /// <summary>The archive state: the seeds' actors and topics plus those the team's own documents speak of.</summary>
    public static LabelledArchive Archive(string root)
    {
        var seeds = SeedArchive.Load(Path.Combine(root, "seeds", "archive.json"));
        var own = JsonSerializer.Deserialize<LabelledArchive>(File.ReadAllText(Path.Combine(DataDirectory(root), "archive.json")), Json)
            ?? throw new InvalidDataException("archive.json");
        return new LabelledArchive([.. seeds.Actors, .. own.Actors], [.. seeds.Topics, .. own.Topics]);
    }

    /// <summary>What the archive passes for a registered source; <paramref name="metadata"/> false withholds its title and date.</summary>
    public static ExtractionInput Input(LabelledDocument document, LabelledArchive archive, bool metadata = true) =>
        new(document.Text, metadata ? document.PublishedOn : null, document.Language, archive.Actors, archive.Topics, [],
            metadata ? document.Title : null);

    // The archive stores NFC text with LF line ends, trimmed; spans count code points into that form.
    public static string Normalise(string raw) =>
        raw.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(System.Text.NormalizationForm.FormC).TrimStart('\uFEFF').Trim();
}
