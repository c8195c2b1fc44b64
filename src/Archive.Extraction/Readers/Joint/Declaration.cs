using System.Text.RegularExpressions;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.Joint;

/// <summary>
/// The formal declaration, memorandum or resolution: its parties named once at the top ("The Minister of … of X and
/// the Minister of … of Y,"), then preambular paragraphs that each open with a participle or adjective of the
/// diplomatic formulary and end with a comma ("Recalling …,", "Noting that …,", "Convinced that …;"), then the
/// enacting words without a subject ("Have agreed as follows:", "Hereby declare:") over the operative paragraphs.
/// Every preambular and operative paragraph is the parties' joint statement.
/// </summary>
internal static partial class Declaration
{
    /// <summary>A preambular paragraph, read as the parties' joint statement; false for any other paragraph.</summary>
    public static bool ReadPreamble(ReadingContext context, Segment paragraph)
    {
        var text = context.Text;
        if (!IsPreamble(text, paragraph) || Parties(context, paragraph) is not { } parties) return false;
        context.Add(new Draft(new Segment(paragraph.Start, paragraph.End - 1), QuoteKinds.Joint, parties, "joint.preamble", Confidences.High, null));
        return true;
    }

    /// <summary>A paragraph in the preambular form, however short: not a heading, though it ends without a full stop.</summary>
    public static bool IsPreamble(string text, Segment paragraph) =>
        paragraph.Length > 0 && text[paragraph.End - 1] is ',' or ';' && Preambular().IsMatch(text, paragraph.Start);

    /// <summary>"Have agreed as follows", "Hereby declare": enacting words whose subject is the parties named above.</summary>
    public static bool IsEnacting(string intro) => Enacting().IsMatch(intro.Trim());

    /// <summary>The two parties speaking together, as "the two sides" names them here.</summary>
    public static Speaker? Parties(ReadingContext context, Segment at) =>
        context.Resolve("the two sides", at) is { IsJoint: true } joint ? joint : null;

    // The preambular formulary of treaties, declarations and resolutions; "Meeting in Tressen on …," says where, not what.
    [GeneratedRegex(@"\G(?:Recalling|Reaffirming|Affirming|Recognising|Recognizing|Noting|Taking note|Taking into account|Welcoming|Acknowledging|Stressing|Emphasising|Emphasizing|Underlining|Underscoring|Reiterating|Expressing|Considering|Bearing in mind|Having regard|Guided|Convinced|Desiring|Determined|Resolved|Mindful|Aware|Conscious|Concerned|Deeply concerned|Committed|Appreciating|Commending|Highlighting|Believing|Seeking|Wishing)\b")]
    private static partial Regex Preambular();

    [GeneratedRegex(@"^(?:(?:Have|Has|Hereby|Jointly|Therefore|Do)\s+)+(?:\w+\s+)?(?:agreed|agree|decided|decide|declared|declare|adopted|adopt|resolved|resolve|affirm|concluded|conclude)\b[^.]*$|^(?:Agree|Declare|Decide)\b[^.]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Enacting();
}
