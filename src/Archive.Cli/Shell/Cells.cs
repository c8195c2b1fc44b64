using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Archive.Cli.Shell;

/// <summary>Table cells from the archive's JSON answers: text from a server is never markup and never a control sequence.</summary>
public static class Cells
{
    /// <summary>The value at <paramref name="path"/> (dotted) as text: strings as they are, numbers and lists joined, missing as "–".</summary>
    public static string Value(JsonNode? node, string path = "")
    {
        node = At(node, path);
        return node switch
        {
            null => "–",
            JsonArray a => a.Count == 0 ? "–" : string.Join(", ", a.Select(e => Value(e))),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
    }

    private static JsonNode? At(JsonNode? node, string path)
    {
        if (path.Length == 0) return node;
        foreach (var name in path.Split('.'))
            node = node is JsonObject o ? o[name] : null;
        return node;
    }

    public static IRenderable Text(JsonNode? node, string path) => Screen.Plain(Value(node, path));

    /// <summary>At most <paramref name="max"/> characters, so a long quote does not make a table unreadable.</summary>
    public static IRenderable Short(JsonNode? node, string path, int max = 90)
    {
        var text = Value(node, path);
        return Screen.Plain(text.Length <= max ? text : text[..(max - 1)] + "…");
    }

    /// <summary>A search snippet with its <c>&lt;mark&gt;</c> hits shown bold; the rest escaped.</summary>
    public static IRenderable Snippet(string snippet)
    {
        var markup = new StringBuilder();
        var rest = snippet;
        while (rest.IndexOf("<mark>", StringComparison.Ordinal) is var open and >= 0
               && rest.IndexOf("</mark>", open, StringComparison.Ordinal) is var close and >= 0)
        {
            markup.Append(Markup.Escape(Printable.Line(rest[..open])))
                .Append("[bold yellow]").Append(Markup.Escape(Printable.Line(rest[(open + 6)..close]))).Append("[/]");
            rest = rest[(close + 7)..];
        }
        markup.Append(Markup.Escape(Printable.Line(rest)));
        return new Markup(markup.ToString());
    }

    /// <summary>Two columns, field and value, for one document.</summary>
    public static Table Fields(IEnumerable<(string Field, string Value)> rows)
    {
        var table = new Table().AddColumns("Field", "Value");
        foreach (var (field, value) in rows)
            if (value != "–") table.AddRow(new Text(field), Screen.Plain(value));
        return table;
    }

    public static IEnumerable<JsonNode> Items(JsonObject page) =>
        page["items"] is JsonArray items ? items.Where(i => i is not null).Select(i => i!) : [];
}
