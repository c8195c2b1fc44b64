using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.QandA;

/// <summary>
/// Doorsteps and panels print who answers as a name standing alone on a line ("JOHN SMITH", "Anna Weiss"), usually
/// with a line of office below it ("Minister of Trade, Republic of Kestria"), above the bare "Q:" / "A:" pairs that
/// person answers. The name holds until the next such line; neither line is anyone's words.
/// </summary>
internal static partial class NameLines
{
    /// <summary>
    /// The name line (and its office line) closing <paramref name="paragraphs"/>, the last paragraphs before a turn:
    /// where it starts, and who it names. A name line needs an office line below it or a person the archive knows.
    /// </summary>
    public static (int Index, Speaker Speaker)? Trailing(ReadingContext context, IReadOnlyList<Segment> paragraphs)
    {
        var text = context.Text;
        for (var i = paragraphs.Count - 1; i >= 0 && i >= paragraphs.Count - 2; i--)
        {
            if (Name().Match(text, paragraphs[i].Start, paragraphs[i].Length) is not { Success: true } m) continue;
            var described = i == paragraphs.Count - 2 && IsOffice(text, paragraphs[i + 1]);
            if (i == paragraphs.Count - 2 && !described) return null;
            var name = string.Join(' ', m.Value.Split(' ').Select(FullNames.Ordinary));
            var known = context.Resolve(name) is { ActorId: not null } s && context.Tracker.Index.ById(s.ActorId) is { } actor && ActorIndex.IsPerson(actor) ? s : null;
            if (known is null && !described) return null;
            return (i, known ?? Speaker.Unresolved(name, isPerson: true));
        }
        return null;
    }

    // "Minister of Agriculture, Kingdom of Lindovia (answers in Lindovian, interpreted)": an office, with no sentence's
    // closing mark, naming a role.
    private static bool IsOffice(string text, Segment paragraph) =>
        QuoteRegion.WordCount(text, paragraph) <= 24 && text[paragraph.End - 1] is not ('.' or '!' or '?' or '”' or '"')
        && MentionKinds.RoleWord(text[paragraph.Start..paragraph.End]) is not null;

    // Two to four name words (an initial allowed), nothing else on the line.
    [GeneratedRegex(@"^(?:\p{Lu}\.[ ]?)?\p{Lu}[\p{L}'’-]+(?:[ ](?:\p{Lu}[\p{L}'’-]+|de|van|von|al|bin)){1,3}$")]
    private static partial Regex Name();
}
