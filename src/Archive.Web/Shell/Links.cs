namespace Archive.Web.Shell;

/// <summary>Stored addresses become links only when they are web addresses: never <c>javascript:</c> or <c>data:</c>.</summary>
public static class Links
{
    public static string? Web(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
}

/// <summary>A long text cut at a word for a list, with an ellipsis; never cut inside a surrogate pair.</summary>
public static class Excerpt
{
    public static string Of(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        if (cut < max / 2) cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut].TrimEnd() + "…";
    }
}

/// <summary>
/// A textarea's content as the HTML parser will keep it: the parser drops one line feed right after <c>&lt;textarea&gt;</c>,
/// so a value that starts with one gets one more in front.
/// </summary>
public static class Textarea
{
    public static string? Content(string? value) => value is { Length: > 0 } && value[0] == '\n' ? "\n" + value : value;
}
