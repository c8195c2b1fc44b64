namespace Archive.Extraction.Speakers;

/// <summary>What limits the holders a role word may name: the countries the text is about, and a name beside the title.</summary>
internal sealed partial class SpeakerTracker
{
    // The countries the text names, by a government's or a person's name the archive knows.
    private HashSet<string>? DocumentCountries() =>
        documentCountries ??= text is null ? [] : index.Occurrences(text).Select(o => o.Actor.Country).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? documentCountries;

    private static string? ApposedName(string mention)
    {
        var comma = mention.IndexOf(',');
        var apposed = comma > 0 ? mention[(comma + 1)..].Trim().TrimEnd(',').Trim() : "";
        return apposed.Length > 0 && MentionKinds.RoleWord(apposed) is null && Capitalised(apposed) ? apposed : null;
    }
}
