using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

/// <summary>
/// Abbreviations a text defines in parentheses ("the Prime Minister's Official Spokesperson (PMOS)", "the Ministry of
/// Foreign Affairs (MFA)"): a briefing summary then says "the PMOS said …", which only the full words can resolve.
/// </summary>
internal sealed partial class Abbreviations
{
    private readonly Dictionary<string, string> expansions;

    private Abbreviations(Dictionary<string, string> expansions) => this.expansions = expansions;

    public static Abbreviations Of(string text)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Definition().Matches(text))
        {
            var abbreviation = m.Groups["abbr"].Value;
            if (found.ContainsKey(abbreviation) || Expansion(m.Groups["words"].Value, abbreviation) is not { } full) continue;
            found[abbreviation] = full;
        }
        return new Abbreviations(found);
    }

    public bool IsEmpty => expansions.Count == 0;

    /// <summary>The mention with every defined abbreviation written out; the mention itself when it holds none.</summary>
    public string Expand(string mention)
    {
        if (expansions.Count == 0) return mention;
        return Word().Replace(mention, w => expansions.TryGetValue(w.Value, out var full) ? full : w.Value);
    }

    // The shortest run of words before the parenthesis whose capitalised words' initials spell the abbreviation
    // ("of", "the", "for" are skipped, as in "Ministry of Foreign Affairs (MFA)"). A name in parentheses after a
    // label ("Venn (MFA)") spells nothing and defines nothing.
    private static string? Expansion(string words, string abbreviation)
    {
        var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var from = tokens.Length - 1; from >= 0; from--)
        {
            if (!char.IsUpper(tokens[from][0])) continue;
            var initials = string.Concat(tokens[from..].Where(t => char.IsUpper(t[0])).Select(t => t[0]));
            if (initials == abbreviation) return string.Join(' ', tokens[from..]);
            if (initials.Length > abbreviation.Length) return null;
        }
        return null;
    }

    [GeneratedRegex(@"(?<words>(?:\p{Lu}[\w’'-]*\s+(?:(?:of|for|and|the|on)\s+){0,2}){2,8})\((?<abbr>[A-Z]{2,6})\)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\b[A-Z]{2,6}\b")]
    private static partial Regex Word();
}
