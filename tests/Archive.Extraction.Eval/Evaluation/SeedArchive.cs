using System.Text.Json;

namespace Archive.Extraction.Eval.Evaluation;

/// <summary>Reads the actors and topics of seeds/archive.json, and files its statements' quotes under their topics.</summary>
public static class SeedArchive
{
    public static LabelledArchive Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var actors = root.GetProperty("actors").EnumerateArray().Select(a => new KnownActor(
            a.GetProperty("id").GetString()!,
            a.GetProperty("name").GetString()!,
            a.TryGetProperty("aliases", out var aliases) ? aliases.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
            [],
            a.TryGetProperty("country", out var country) ? country.GetString() : null,
            a.TryGetProperty("kind", out var kind) ? kind.GetString()! : "person")).ToList();
        var topics = root.GetProperty("topics").EnumerateArray().Select(t => new KnownTopic(
            t.GetProperty("id").GetString()!,
            t.GetProperty("title").GetString()!,
            [],
            t.TryGetProperty("parentId", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetString() : null,
            [])).ToList();
        return new LabelledArchive(actors, topics);
    }
}
