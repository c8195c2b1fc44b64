using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;

namespace Archive.Extraction.Topics;

/// <summary>
/// Files a candidate under the archive's topics: by title, id, alias or the acronym of the title ("CPEC"), and by
/// words that the statements already filed under a topic share and other topics' statements do not.
/// </summary>
internal sealed partial class TopicMatcher
{
    private readonly List<(string Id, List<string> Phrases, HashSet<string> Keywords)> topics;

    public TopicMatcher(IReadOnlyList<KnownTopic> known)
    {
        var profiles = known.OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => (t.Id, Phrases: Phrases(t), Counts: Counts(t.FiledQuotes))).ToList();
        topics = profiles.Select(p => (p.Id, p.Phrases, Keywords(p.Counts, p.Id, profiles))).ToList();
    }

    public IReadOnlyList<string> Match(string quote)
    {
        var words = Words(quote).ToHashSet(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var (id, phrases, keywords) in topics)
            if (phrases.Any(p => ActorIndex.FindWord(quote, p, 0) >= 0) || keywords.Count(words.Contains) >= 2)
                result.Add(id);
        return result;
    }

    private static List<string> Phrases(KnownTopic topic)
    {
        var phrases = new List<string> { topic.Title, topic.Id.Replace('-', ' ') };
        phrases.AddRange(topic.Aliases);
        var initials = string.Concat(Regex.Split(topic.Title, @"[\s\-–]+").Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]));
        if (initials.Length >= 3) phrases.Add(initials);
        return phrases.Where(p => p.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static Dictionary<string, int> Counts(IReadOnlyList<string> quotes)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var quote in quotes)
            foreach (var word in Words(quote).Distinct())
                counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts;
    }

    // A keyword recurs among a topic's own statements and appears in few other topics' statements.
    private static HashSet<string> Keywords(Dictionary<string, int> counts, string id, List<(string Id, List<string> Phrases, Dictionary<string, int> Counts)> all)
    {
        var others = all.Where(t => t.Id != id).ToList();
        return counts.Where(c => c.Value >= 2 && others.Count(o => o.Counts.ContainsKey(c.Key)) * 4 <= others.Count)
            .Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !Stop.Contains(w));

    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "will", "been", "their", "they", "which", "would", "should", "into", "also",
        "more", "both", "such", "other", "said", "between", "about", "there", "these", "those", "were", "than",
        "further", "continue", "ready", "work", "together", "years", "year", "what", "when", "where", "very",
    };

    [GeneratedRegex(@"\p{L}{4,}")]
    private static partial Regex WordPattern();
}
