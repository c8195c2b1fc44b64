using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.QandA;

/// <summary>
/// Whoever chairs a press conference is rarely labelled "Moderator:": a government spokesperson chairing the prime
/// minister's conference ("Mila Ostrova, Government Spokesperson: Next, Anna Berg from Radio Tamsk."), a colonel opening
/// the defence minister's briefing. Their turns have a shape no answer has: none of them follows a question, each is
/// short, there are at least three and one of them hands over to a question (a chair gives the floor again and again;
/// a clip played once, or a spokesperson's one announcement and one closing line, is no chair), and someone else in the
/// room answers the questions. Such a speaker gives the floor and says nothing of record.
/// </summary>
internal static class Hosts
{
    // A chair's turn is a greeting, the running order and a name or two; an opening statement is longer.
    private const int MaxWords = 60;

    public static IReadOnlySet<string> Unlabelled(string text, IReadOnlyList<Turn> turns, Func<Turn, bool> skipped)
    {
        var answering = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, bool>(StringComparer.Ordinal);
        var turnsOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var handsOver = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            if (turn.IsQuestion || skipped(turn)) continue;
            var who = Turns.Bare(turn.Prefix);
            var afterQuestion = i > 0 && turns[i - 1].IsQuestion;
            if (afterQuestion) answering.Add(who);
            var shortTurn = turn.Paragraphs.Sum(p => QuoteRegion.WordCount(text, p)) <= MaxWords;
            candidates[who] = (candidates.TryGetValue(who, out var sofar) ? sofar : true) && shortTurn && !afterQuestion;
            turnsOf[who] = turnsOf.GetValueOrDefault(who) + 1;
            if (i + 1 < turns.Count && turns[i + 1].IsQuestion) handsOver.Add(who);
        }
        // Only where questions are asked and someone else answers them.
        if (answering.Count == 0) return new HashSet<string>();
        return candidates.Where(c => c.Value && !answering.Contains(c.Key) && turnsOf[c.Key] >= 3 && handsOver.Contains(c.Key)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }
}
