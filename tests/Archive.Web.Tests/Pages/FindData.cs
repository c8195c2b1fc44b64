namespace Archive.Web.Tests.Pages;

/// <summary>A quote to record for the find pages' tests: its speaker, words, day, kind and the topics it is filed under.</summary>
public sealed record Quote(string Actor, string Text, string SaidOn = "2026-01-05", string Kind = "direct", string[]? Topics = null);

/// <summary>Test data for the find pages, put in through the API as any client would.</summary>
public static class FindData
{
    /// <summary>Registers one source made of the quotes (ASCII, so code points are characters) and records each; their ids in order.</summary>
    public static async Task<string[]> Record(WorkspaceHost host, string title, params Quote[] quotes)
    {
        var text = string.Join(" ", quotes.Select(q => q.Text));
        var source = await host.RegisterSource(title, text);
        var ids = new List<string>();
        var at = 0;
        foreach (var quote in quotes)
        {
            var start = text.IndexOf(quote.Text, at, StringComparison.Ordinal);
            var body = new
            {
                actorId = quote.Actor, sourceId = source, quote = quote.Text, span = new { start, end = start + quote.Text.Length },
                quoteKind = quote.Kind, saidOn = quote.SaidOn,
            };
            var id = (await host.Post("/api/statements", body)).GetProperty("id").GetString()!;
            foreach (var topic in quote.Topics ?? []) await host.Post($"/api/topics/{topic}/statements", new { statementId = id });
            ids.Add(id);
            at = start + quote.Text.Length;
        }
        return [.. ids];
    }

    /// <summary>When the archive recorded a statement (its view's recordedAt), as a query string carries it.</summary>
    public static async Task<DateTimeOffset> RecordedAt(WorkspaceHost host, string id) =>
        (await host.Get($"/api/statements/{id}")).GetProperty("recordedAt").GetDateTimeOffset();

    public static string Instant(DateTimeOffset at) =>
        Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
