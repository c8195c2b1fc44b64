using System.Text.RegularExpressions;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers;

/// <summary>
/// The "who said" part of a sentence: the subject's words, the verb, and where the reported content begins.
/// <see cref="JointOnly"/> is set when the verb only makes a statement for joint subjects ("the two sides will").
/// </summary>
internal sealed record Frame(string Subject, int SubjectStart, int VerbEnd, int ContentStart, bool JointOnly);

internal static class Attribution
{
    private const int MaxSubjectWords = 14;

    // The words of a subject without its opening phrase and the clauses describing it.
    private static int BareWords(string prefix)
    {
        var bare = Lexicon.DescribingClause().Replace(prefix[Lexicon.LeadingAdverbial().Match(prefix).Length..], "");
        return QuoteRegion.WordCount(bare, new Segment(0, bare.Length));
    }

    /// <summary>"Subject verb (that) content", with the verb among the sentence's first words and outside quotations.</summary>
    public static Frame? Leading(string text, Segment sentence, IReadOnlyList<QuoteRegion> quotes)
    {
        var s = text[sentence.Start..sentence.End];
        // "Asked whether Valdoria would borrow, Vik said …": a verb inside the opening clause is not the sentence's.
        var opening = Lexicon.LeadingAdverbial().Match(s);
        // "I would add that the Teravian embassy thanked us": the answerer's own lead-in holds no one else's verb.
        var ownLeadEnd = opening.Length + Lexicon.OwnLeadIn().Match(s[opening.Length..]).Length;
        foreach (Match m in Lexicon.AnyVerb().Matches(s))
        {
            if (m.Index < ownLeadEnd && ownLeadEnd > opening.Length) continue;
            if (m.Index < opening.Length && Lexicon.OpensWithQuestion(s)) continue;
            var at = sentence.Start + m.Index;
            if (quotes.Any(q => q.Outer.Contains(at))) return null;
            var prefix = s[..m.Index];
            // "…at the council in Port Aven, where Valdoria's trade minister Jonas Vik has called for …": the speaker
            // is the subject of the relative clause that holds the verb.
            var clause = QuoteRegion.WordCount(prefix, new Segment(0, prefix.Length)) > MaxSubjectWords ? Lexicon.RelativeClause().Match(prefix) : Match.Empty;
            // "In Brask, where the crew are still living on board, the mayor, Tove Lindahl, said …": a clause about the
            // opening phrase's place holds no subject when what follows it is too long to be one.
            if (clause.Success && BareWords(prefix[(clause.Index + clause.Length)..]) > MaxSubjectWords && BareWords(prefix) <= MaxSubjectWords) clause = Match.Empty;
            var skip = clause.Success ? clause.Index + clause.Length : 0;
            prefix = prefix[skip..];
            // "Standing in a school gym that has housed 300 people, Prime Minister Ellerby promised …": an opening
            // phrase is no part of the subject's length.
            var bare = Lexicon.DescribingClause().Replace(prefix[Lexicon.LeadingAdverbial().Match(prefix).Length..], "");
            if (QuoteRegion.WordCount(bare, new Segment(0, bare.Length)) > MaxSubjectWords) return null;
            // "Orland accepted the new fees, and we agreed …": the verb's subject is in the last of coordinated clauses.
            var coordinated = Lexicon.Coordination().Match(prefix);
            if (coordinated.Success && Lexicon.PastVerb().IsMatch(prefix[..coordinated.Length])) { skip += coordinated.Length; prefix = prefix[coordinated.Length..]; }
            var leadLength = Lexicon.LeadingAdverbial().Match(prefix).Length;
            leadLength += Lexicon.OwnLeadIn().Match(prefix[leadLength..]).Length;
            // "President Selin Okafor, who drove across the bridge in the morning, said …": the relative clause
            // describes the speaker and is no part of the name.
            var subject = Lexicon.TrailingModifiers().Replace(Lexicon.DescribingClause().Replace(prefix[leadLength..], ""), "").Trim();
            if (subject.Length == 0 || subject.Contains('“') || subject.Contains('"')) return null;
            var afterVerb = at + m.Length;
            var complement = Lexicon.Complementiser().Match(text, afterVerb, sentence.End - afterVerb);
            var contentStart = complement.Success && complement.Index == afterVerb ? afterVerb + complement.Length : afterVerb;
            // "Orland … welcomed the decision.": a verb that takes a position needs no more than its object.
            var contentWords = QuoteRegion.WordCount(text, new Segment(contentStart, sentence.End));
            if (contentWords < 3 && !(contentWords == 2 && Lexicon.PositionVerb().IsMatch(m.Value))) return null;
            var jointOnly = !Lexicon.SpeechVerb().IsMatch(m.Value);
            return new Frame(subject, sentence.Start + skip + leadLength, afterVerb, contentStart, jointOnly);
        }
        return null;
    }

    /// <summary>
    /// Attribution at the end of a sentence: "…, the ambassador said on Saturday, describing the line as …" or
    /// "…, said Paul Andersen, who led the delegation." The frame's content start is the sentence start.
    /// </summary>
    public static Frame? Trailing(string text, Segment sentence)
    {
        var s = text[sentence.Start..sentence.End];
        var m = Lexicon.TrailingAttribution().Match(s);
        if (!m.Success || QuoteRegion.WordCount(s, new Segment(0, m.Index)) < 4) return null;
        var subject = m.Groups["subj"].Success ? m.Groups["subj"] : m.Groups["subj2"];
        return new Frame(subject.Value.Trim(), sentence.Start + subject.Index, sentence.End, sentence.Start, false);
    }

    /// <summary>
    /// "Kestria's government on Monday defended the fees, saying the money was needed …": a subject, a verb that is
    /// no speech verb, and ", saying" giving the content. The subject is what stands before the first past-tense verb.
    /// </summary>
    public static Frame? Saying(string text, Segment sentence, IReadOnlyList<QuoteRegion> quotes)
    {
        var s = text[sentence.Start..sentence.End];
        var saying = Lexicon.Saying().Match(s);
        if (!saying.Success || quotes.Any(q => q.Outer.Contains(sentence.Start + saying.Index))) return null;
        var verb = Lexicon.PastVerb().Match(s[..saying.Index]);
        if (!verb.Success) return null;
        var prefix = s[..verb.Index];
        var lead = Lexicon.LeadingAdverbial().Match(prefix);
        var subject = Lexicon.TrailingModifiers().Replace(prefix[lead.Length..], "").Trim();
        if (subject.Length == 0 || QuoteRegion.WordCount(subject, new Segment(0, subject.Length)) > MaxSubjectWords || subject.Contains('“') || subject.Contains('"')) return null;
        var contentStart = sentence.Start + saying.Index + saying.Length;
        if (QuoteRegion.WordCount(text, new Segment(contentStart, sentence.End)) < 3) return null;
        return new Frame(subject, sentence.Start + lead.Length, sentence.Start + verb.Index + verb.Length, contentStart, false);
    }

    /// <summary>
    /// Where the words about the saying end and what was said begins, for dating: at "that" when it comes within a few
    /// words of the verb ("told reporters in Port Aven on Wednesday that …"), else three words on ("said on Monday the").
    /// </summary>
    public static int DateWindowEnd(string text, int verbEnd, int contentStart, int sentenceEnd)
    {
        if (contentStart > verbEnd) return contentStart;
        // "welcomed the decision in a statement on Wednesday evening, calling it …": a position's object and the
        // occasion that follows it, up to the comma, a quotation or a "that" giving its content.
        var verbStart = verbEnd;
        while (verbStart > 0 && char.IsLetter(text[verbStart - 1])) verbStart--;
        if (Lexicon.PositionVerb().IsMatch(text[verbStart..verbEnd]))
        {
            var position = Lexicon.PositionObject().Match(text, verbEnd, Math.Min(sentenceEnd - verbEnd, 120));
            if (position.Success) return position.Index + position.Length;
        }
        var m = Lexicon.WordsBeforeThat().Match(text, verbEnd, Math.Min(sentenceEnd - verbEnd, 120));
        if (m.Success) return m.Index + m.Length;
        var words = Lexicon.ThreeWords().Match(text, verbEnd, sentenceEnd - verbEnd);
        return words.Success ? words.Index + words.Length : verbEnd;
    }

    /// <summary>The attribution right after a closing quotation mark: "…,” Lin Jian said" or "…,” said the minister".</summary>
    public static Frame? After(string text, int from, int sentenceEnd)
    {
        var tail = text[from..sentenceEnd];
        var m = Lexicon.SubjectThenVerb().Match(tail);
        if (m.Success && QuoteRegion.WordCount(m.Groups["subj"].Value, new Segment(0, m.Groups["subj"].Length)) <= 8)
            return new Frame(Lexicon.TrailingModifiers().Replace(m.Groups["subj"].Value, "").Trim(), from + m.Groups["subj"].Index, from + m.Length, sentenceEnd, false);
        m = Lexicon.VerbThenSubject().Match(tail);
        return m.Success
            ? new Frame(m.Groups["subj"].Value.Trim(), from + m.Groups["subj"].Index, from + m.Length, sentenceEnd, false)
            : null;
    }

    /// <summary>
    /// "Calder later posted a photograph online with the words “…”": a quotation given as the words of something the
    /// subject posted, wrote or sent. The subject is what stands before the sentence's first past-tense verb.
    /// </summary>
    public static Frame? WithTheWords(string text, int sentenceStart, int quoteStart)
    {
        var head = text[sentenceStart..quoteStart];
        if (!Lexicon.WithTheWords().IsMatch(head)) return null;
        var verb = Lexicon.PastVerb().Match(head);
        if (!verb.Success) return null;
        var lead = Lexicon.LeadingAdverbial().Match(head[..verb.Index]);
        var subject = Lexicon.TrailingModifiers().Replace(head[lead.Length..verb.Index], "").Trim();
        if (subject.Length == 0 || QuoteRegion.WordCount(subject, new Segment(0, subject.Length)) > MaxSubjectWords) return null;
        return new Frame(subject, sentenceStart + lead.Length, sentenceStart + verb.Index + verb.Length, quoteStart, false);
    }

    /// <summary>The attribution right before an opening quotation mark: "The ambassador said, “…".</summary>
    public static Frame? Before(string text, int sentenceStart, int quoteStart)
    {
        var head = text[sentenceStart..quoteStart];
        var verbs = Lexicon.SpeechVerb().Matches(head);
        if (verbs.Count == 0) return null;
        var verb = verbs[^1];
        var between = head[(verb.Index + verb.Length)..];
        if (!Regex.IsMatch(between, @"^(?:\s+that)?[\s,:—–-]*$")) return null;
        var prefix = head[..verb.Index];
        var lead = Lexicon.LeadingAdverbial().Match(prefix);
        var subject = Lexicon.TrailingModifiers().Replace(prefix[lead.Length..], "").Trim();
        if (subject.Length == 0 || QuoteRegion.WordCount(subject, new Segment(0, subject.Length)) > MaxSubjectWords) return null;
        return new Frame(subject, sentenceStart + lead.Length, sentenceStart + verb.Index + verb.Length, quoteStart, false);
    }
}
