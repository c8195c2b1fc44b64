using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archive.Cli.Shell;

/// <summary>
/// <c>--limit</c>, <c>--cursor</c> and <c>--all</c> over the API's keyset pages (<c>{ items, next? }</c>, timelines too):
/// one page by default, or every page from the cursor on, merged into one answer of the same shape.
/// </summary>
public sealed class Paging
{
    public const int MaxLimit = 200;

    public Option<int?> Limit { get; } = new("--limit")
    {
        Description = $"Items per page, 1 to {MaxLimit} [default: the archive's, 50]",
        HelpName = "n",
        CustomParser = Parsers.WholeInt(1, MaxLimit, $"between 1 and {MaxLimit}"),
    };

    public Option<string> Cursor { get; } = new("--cursor")
    {
        Description = "Start after this cursor, printed as 'next' by the previous page",
        HelpName = "cursor",
    };

    public Option<bool> All { get; } = new("--all") { Description = "Follow the cursors and print every page" };

    public void AddTo(Command command)
    {
        command.Add(Limit);
        command.Add(Cursor);
        command.Add(All);
    }

    /// <summary>
    /// GETs <paramref name="path"/> with <paramref name="query"/> (null values left out) and the paging options. The answer is the
    /// first page's object with the items of every page fetched, and <c>next</c> from the last one.
    /// </summary>
    public async Task<JsonObject> Fetch(ArchiveServer server, ParseResult parsed, string path, IEnumerable<(string Name, string? Value)> query,
        string what, CancellationToken ct)
    {
        var fixedQuery = query.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        if (parsed.GetValue(Limit) is { } limit) fixedQuery.Add($"limit={limit}");
        var all = parsed.GetValue(All);
        var cursor = parsed.GetValue(Cursor);
        JsonObject? merged = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var parts = cursor is null ? fixedQuery : [.. fixedQuery, $"cursor={Uri.EscapeDataString(cursor)}"];
            var page = await server.GetJson<JsonObject>(path + (parts.Count == 0 ? "" : "?" + string.Join("&", parts)), Screen.Json, what, ct);
            if (page["items"] is not JsonArray items) throw CliException.Failure($"the archive at {server.Describe} answered {what} without items");
            var next = page["next"]?.GetValueKind() == JsonValueKind.String ? page["next"]!.GetValue<string>() : null;
            if (merged is null) merged = page;
            else
            {
                var into = (JsonArray)merged["items"]!;
                foreach (var item in items.ToArray())
                {
                    items.Remove(item);
                    into.Add(item);
                }
            }
            merged["next"] = next;
            if (!all || next is null) return merged;
            // a server that hands out the same cursor twice would keep us here forever
            if (!seen.Add(next)) throw CliException.Failure($"the archive at {server.Describe} repeated the cursor '{next}'");
            cursor = next;
        }
    }

    /// <summary>The line that tells people how to get the next page, or nothing when this was the last.</summary>
    public static void PrintNext(Screen screen, JsonObject page, string command)
    {
        if (page["next"]?.GetValueKind() == JsonValueKind.String)
            screen.Line($"more: {command} --cursor {page["next"]!.GetValue<string>()} (or --all)");
    }
}
