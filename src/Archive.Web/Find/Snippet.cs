namespace Archive.Web.Find;

/// <summary>A run of a search snippet's text, highlighted when it is one of the words searched for.</summary>
public sealed record SnippetRun(string Text, bool Hit);

/// <summary>
/// The store's snippets mark the hits with <c>&lt;mark&gt;</c>…<c>&lt;/mark&gt;</c> around the quote's own characters,
/// which are not escaped: a snippet is never written as markup. It is cut into runs here, and each run is written as
/// text (inside a <c>&lt;mark&gt;</c> element of ours for a hit), so a quote that holds markup still shows as text.
/// </summary>
public static class Snippet
{
    private const string Open = "<mark>";
    private const string Close = "</mark>";

    public static IReadOnlyList<SnippetRun> Runs(string snippet)
    {
        var runs = new List<SnippetRun>();
        var at = 0;
        var hit = false;
        while (at < snippet.Length)
        {
            // Inside a hit only its end counts, outside only a start: a quote's own "</mark>" outside a hit stays text.
            var marker = hit ? Close : Open;
            var next = snippet.IndexOf(marker, at, StringComparison.Ordinal);
            var end = next < 0 ? snippet.Length : next;
            if (end > at) runs.Add(new SnippetRun(snippet[at..end], hit));
            if (next < 0) break;
            at = next + marker.Length;
            hit = !hit;
        }
        return runs;
    }
}
