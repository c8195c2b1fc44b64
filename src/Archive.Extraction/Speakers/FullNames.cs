using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

/// <summary>
/// Reports and transcripts name a person in full once and then by surname, with or without a courtesy title ("Paul
/// Aster" … "Mr Aster" … "Aster"): the short form of someone the archive does not know takes the full name the text gives.
/// </summary>
internal static partial class FullNames
{
    /// <summary>"Today we are joined by Deputy Spokesperson Aino Kask": the given name before the surname, titles left out.</summary>
    public static string? Of(string text, string surname)
    {
        foreach (Match m in Regex.Matches(text, $@"\b(?<given>\p{{Lu}}[\w'’-]+) {Regex.Escape(surname)}\b"))
            if (MentionKinds.RoleWord(m.Groups["given"].Value) is null && !IsTitle(m.Groups["given"].Value)) return m.Value;
        return null;
    }

    /// <summary>
    /// The full name a short mention ("Mr Aster", "Ms. Rostad", "Dr Penn", "Aster") stands for in <paramref name="text"/>,
    /// or null when the mention is not a short form or the text never gives more.
    /// </summary>
    public static string? Complete(string text, string mention)
    {
        var m = ShortForm().Match(mention.Trim());
        if (!m.Success || MentionKinds.RoleWord(m.Groups["surname"].Value) is not null) return null;
        return Of(text, m.Groups["surname"].Value);
    }

    public static bool IsTitle(string word) => Title().IsMatch(word) || Title().IsMatch(Ordinary(word));

    // "SOLBERG" → "Solberg"; a word already in mixed case stays as it is.
    public static string Ordinary(string word) =>
        word.Length > 1 && word.All(c => !char.IsLower(c)) ? word[0] + word[1..].ToLowerInvariant() : word;

    [GeneratedRegex(@"^(?:(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+)?(?<surname>\p{Lu}[a-z][\w'’-]*)$")]
    private static partial Regex ShortForm();

    [GeneratedRegex(@"^(?:Mr|Ms|Mrs|Miss|Dr|Prof|Madam|Deputy|Vice|Acting|Assistant|Senior|Chief|General|Foreign|Finance|Trade|Defence|Defense|Interior|Justice|Energy|Admiral|Rear|Colonel|Captain|Commander|Brigadier|Major|Lieutenant|Adm|Gen|Col|Capt|Cmdr|Lt|Sir|Dame|Inspector|Superintendent|Commissioner|Director|Judge|Justice|Professor|Sergeant|Detective|Constable|Officer|Father|Bishop|Reverend|Rev)\.?$")]
    public static partial Regex Title();
}
