using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

/// <summary>What kind of noun phrase a speaker mention is, before any actor is looked up.</summary>
internal enum MentionKind { PersonPronoun, PluralPronoun, ItPronoun, FirstPerson, Joint, Generic, Named }

internal static partial class MentionKinds
{
    public static readonly string[] RoleWords =
    [
        "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "prime minister", "foreign minister",
        "minister", "premier", "president", "secretary", "chancellor", "chairman", "chairwoman", "governor", "mayor",
        "director", "commissioner", "consul", "counsellor", "representative", "chief", "king", "queen",
    ];

    public static MentionKind Classify(string mention)
    {
        var m = mention.Trim();
        switch (m.ToLowerInvariant())
        {
            case "he" or "she": return MentionKind.PersonPronoun;
            case "they": return MentionKind.PluralPronoun;
            case "it": return MentionKind.ItPronoun;
            case "we" or "i": return MentionKind.FirstPerson;
        }
        if (IsJointPhrase(m)) return MentionKind.Joint;
        if (GenericHead().IsMatch(m)) return MentionKind.Generic;
        if (GenericGroup().IsMatch(m) && !HasProperName(m)) return MentionKind.Generic;
        return MentionKind.Named;
    }

    /// <summary>
    /// "The ministry also condemns …" in a spokesperson's answer: an institution named by no country is the
    /// answerer's own, speaking through them.
    /// </summary>
    public static bool IsOwnInstitution(string mention) => OwnInstitution().IsMatch(mention.Trim());

    /// <summary>
    /// A subject that opens the speaker's own clause ("I am glad the President", "What I") is no one else's; "I spoke
    /// to Minister Brenner and he" still names him.
    /// </summary>
    public static bool SpeaksInFirstPerson(string mention) => FirstPersonWord().IsMatch(mention.Trim());

    [GeneratedRegex(@"^(?:(?:I|We) (?:am|are|was|were)|I['’]m|We['’]re|What (?:I|we))\b")]
    private static partial Regex FirstPersonWord();

    public static bool IsJointPhrase(string mention) => JointPhrase().IsMatch(mention.Trim());

    /// <summary>The role word a mention is headed by or contains, longest first ("foreign minister" before "minister").</summary>
    public static string? RoleWord(string mention)
    {
        var lower = mention.ToLowerInvariant();
        foreach (var role in RoleWords)
            if (Regex.IsMatch(lower, $@"\b{role}\b")) return role is "spokesman" or "spokeswoman" ? "spokesperson" : role;
        return null;
    }

    /// <summary>The role word that ends last in a text, the longer at the same end ("prime minister" over "minister").</summary>
    public static string? LastRoleWord(string text)
    {
        var lower = text.ToLowerInvariant();
        string? best = null;
        var bestEnd = -1;
        foreach (var role in RoleWords)
            foreach (Match m in Regex.Matches(lower, $@"\b{role}\b"))
                if (m.Index + m.Length > bestEnd) (best, bestEnd) = (role, m.Index + m.Length);
        return best is "spokesman" or "spokeswoman" ? "spokesperson" : best;
    }

    /// <summary>Splits "China and Pakistan" into its conjuncts; null when the mention is not a coordination.</summary>
    public static string[]? Conjuncts(string mention)
    {
        var parts = Conjunction().Split(mention.Trim());
        // "The Foreign Minister of Corvelia and the Foreign Minister of Estova": a later conjunct may open with "the".
        return parts.Length >= 2 && parts.All(p => p.Length > 0 && (char.IsUpper(p[0]) || p.StartsWith("the ", StringComparison.Ordinal) || p is "he" or "she")) ? parts : null;
    }

    private static bool HasProperName(string mention) =>
        mention.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Any(w => char.IsUpper(w[0]));

    [GeneratedRegex(@"^(?:the |both |all )?(?:two |both |three |four |all )?(?:sides|countries|governments|leaders|parties|nations|delegations|foreign ministers|ministers|prime ministers|presidents|premiers|chancellors|heads of state|heads of government)$|^(?:the |a |this )?(?:joint (?:press )?(?:statement|communiqu[ée]|declaration)|(?:press )?communiqu[ée]|dialogue|talks|meeting|readout)$", RegexOptions.IgnoreCase)]
    private static partial Regex JointPhrase();

    [GeneratedRegex(@"\b(?:participants|officials|sources|analysts|experts|observers|people|residents|critics|diplomats|delegates|attendees|speakers|representatives|organi[sz]ers|speaker|participant|official|source|observer|expert|analyst|reports?|studies|data|figures)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GenericGroup();

    // "Critics in Kestria", "Chinese officials": an anonymous group, wherever it is from.
    [GeneratedRegex(@"^(?:the |some |many |several |other |most |\w+ )?(?:participants|officials|sources|analysts|experts|observers|people|residents|critics|diplomats|delegates|attendees|organi[sz]ers|lawmakers|legislators|commentators|economists|businesses|traders|farmers|activists)\b(?:\s+(?:in|at|from|of|within|close to|familiar with)\b.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericHead();

    // "Our spokesperson has said so": the answerer's own spokesperson speaks for the answerer's side too.
    [GeneratedRegex(@"^(?:the|this|our|my) (?:foreign )?(?:ministry|government|department|office|embassy|foreign office)$|^(?:our|my) (?:\w+ )?(?:spokesperson|spokesman|spokeswoman|press office)$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnInstitution();

    [GeneratedRegex(@",?\s+and\s+|\s*,\s*(?=[A-Z])")]
    private static partial Regex Conjunction();
}
