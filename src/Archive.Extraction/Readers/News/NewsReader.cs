using Archive.Extraction.Readers.Joint;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.News;

/// <summary>
/// Reads a report paragraph by paragraph: quotations with the attribution before or after them, "X said that …"
/// sentences, "according to X", and quote-only paragraphs that continue the previous speaker. In a joint statement
/// (<c>jointDocument</c>) the same sentences are read, but a government's words are the parties' joint words.
/// </summary>
internal static class NewsReader
{
    // An attributed quotation of two words is speech ("“Not yet,” she said"); one standing alone needs more to be
    // told from a name or a slogan.
    public const int MinAttributedWords = 2;
    public const int MinStandaloneWords = 4;

    public static void Read(ReadingContext context, Segment paragraph, bool jointDocument)
    {
        if (Lists.Read(context, paragraph, jointDocument)) return;
        var text = context.Text;
        var allQuotes = Quotes.Find(text, paragraph);
        var quotes = allQuotes.Where(q => q.Words(text) >= MinAttributedWords).ToList();
        var sentences = Sentences.Split(text, paragraph, allQuotes.Select(q => q.Outer).ToList())
            .SelectMany(s => Contrasted(text, s, allQuotes)).ToList();
        Speaker? paragraphSpeaker = null;
        var orphans = new List<QuoteRegion>();
        var shortOrphans = new List<QuoteRegion>();
        var introduced = context.Introduced;
        context.Introduced = null;
        foreach (var sentence in sentences)
        {
            var inSentence = quotes.Where(q => sentence.Contains(q.Outer.Start)).ToList();
            var handled = false;
            var from = sentence.Start;
            Speaker? sentenceSpeaker = null;
            var enclosing = Attribution.Leading(text, sentence, allQuotes);
            foreach (var quote in inSentence)
            {
                // "He told Cabinet that the duties remained “the one shadow …”, the PMOS said": words quoted inside
                // someone's reported speech belong to that report, whoever passes it on.
                if (enclosing is { JointOnly: false } report && quote.Outer.Start > report.ContentStart
                    && QuoteRegion.WordCount(text, new Segment(report.ContentStart, quote.Outer.Start)) >= 2) continue;
                // A quotation split around its attribution ("…,” she said, “…”) reads the attribution after the first part.
                var frame = Attribution.After(text, quote.Outer.End, sentence.End) ?? Attribution.Before(text, from, quote.Outer.Start)
                    ?? Attribution.WithTheWords(text, from, quote.Outer.Start);
                from = quote.Outer.End;
                var speaker = frame is null ? null : context.Resolve(frame.Subject, Frame(frame, sentence, quote, allQuotes));
                // "“We will rebuild,” Ellerby said, as families queued, “every bridge …”": a quotation that goes on in
                // lower case after an attributed one in its sentence is the rest of the same words.
                if (frame is null && sentenceSpeaker is not null && GoesOn(text, quote))
                {
                    context.Add(new Draft(quote.Content, QuoteKinds.Direct, sentenceSpeaker, "news.quote.split", Confidences.Medium, null));
                    handled = true;
                    continue;
                }
                if (speaker is not null)
                {
                    var pronoun = MentionKinds.Classify(frame!.Subject) != MentionKind.Named;
                    context.Add(new Draft(quote.Content, QuoteKinds.Direct, speaker, "news.quote.attributed",
                        pronoun ? Confidences.Medium : Confidences.High, Frame(frame, sentence, quote, allQuotes)));
                    paragraphSpeaker = speaker;
                    sentenceSpeaker = speaker;
                    handled = true;
                }
                else if (frame is null && StandsAlone(text, sentence, quote) && quote.Words(text) >= MinStandaloneWords)
                {
                    orphans.Add(quote);
                    handled = true;
                }
                // "“We warned them,” Haas said. “Nobody listened.”": a short quotation beside an attributed one in its
                // paragraph is the same speaker's, though alone it could be a slogan.
                else if (frame is null && StandsAlone(text, sentence, quote))
                {
                    shortOrphans.Add(quote);
                    handled = true;
                }
            }
            // A sentence whose quotations are not speech of their own ("described the line as “…”") is read as reported.
            if (handled) continue;
            if (ReadReported(context, sentence, allQuotes, jointDocument) is { } reported) { paragraphSpeaker = reported; continue; }
            if (AccordingTo.Read(context, sentence) is { } according) { paragraphSpeaker = according; continue; }
            if (inSentence.Count == 0 && Introduces(context, sentence) is { } next) { context.Introduced = next; continue; }
            Remarks.Note(context, sentence);
        }
        // A quotation with no attribution of its own continues the paragraph's speaker, else the one the previous
        // paragraph introduced ("In a statement, he said:"), else the previous speaker.
        if (paragraphSpeaker is not null) orphans.AddRange(shortOrphans);
        foreach (var quote in orphans.OrderBy(q => q.Outer.Start))
        {
            var speaker = paragraphSpeaker ?? introduced ?? context.LastSpeaker;
            if (speaker is null) continue;
            context.Add(new Draft(quote.Content, QuoteKinds.Direct, speaker, "news.quote.continued", Confidences.Medium, null));
        }
    }

    // "In a statement posted on his website, he said:" ending a paragraph gives the next paragraph's quotation its speaker.
    private static Speaker? Introduces(ReadingContext context, Segment sentence)
    {
        if (context.Text[sentence.End - 1] != ':') return null;
        var frame = Attribution.Before(context.Text, sentence.Start, sentence.End);
        return frame is null ? null : context.Resolve(frame.Subject, new Segment(sentence.Start, sentence.End));
    }

    private static Speaker? ReadReported(ReadingContext context, Segment sentence, IReadOnlyList<QuoteRegion> quotes, bool jointDocument)
    {
        // "Valdoria and Kestria will …, the ambassador said": an attribution closing the sentence outranks a joint "will".
        var frame = Attribution.Leading(context.Text, sentence, quotes);
        if (frame is null || frame.JointOnly) frame = Attribution.Trailing(context.Text, sentence) ?? Attribution.Saying(context.Text, sentence, quotes) ?? frame;
        if (frame is null) return null;
        // "Under the treaty, the owner of the dam must release water, said Karl Wendt, a professor …, whatever …": a
        // leading "subject" that names no one gives way to the attribution set later in the sentence.
        if (frame.SubjectStart == sentence.Start + Lexicon.LeadingAdverbial().Match(context.Text[sentence.Start..sentence.End]).Length
            && Attribution.Trailing(context.Text, sentence) is { } trailing && trailing.SubjectStart > frame.SubjectStart && context.Tracker.Resolve(frame.Subject, null) is null)
            frame = trailing;
        // "Asked whether … fined last month, the PMOS said …": the question's words do not date the answer.
        var frameStart = Lexicon.OpensWithQuestion(context.Text[sentence.Start..sentence.End]) ? frame.SubjectStart : sentence.Start;
        var frameRange = frame.ContentStart > sentence.Start
            ? new Segment(frameStart, Attribution.DateWindowEnd(context.Text, frame.VerbEnd, frame.ContentStart, sentence.End))
            : new Segment(frame.SubjectStart, sentence.End);
        var speaker = context.Resolve(frame.Subject, frameRange);
        if (speaker is null) return null;
        if (JointRules.Classify(context, speaker, frame.JointOnly, jointDocument) is not var (kind, rule, said)) return null;
        speaker = said;
        var confidence = MentionKinds.Classify(frame.Subject) == MentionKind.Named && speaker.ActorId is not null || speaker.IsJoint
            ? Confidences.High : speaker.ActorId is null ? Confidences.Low : Confidences.Medium;
        context.Add(new Draft(sentence, kind, speaker, rule, confidence, frameRange));
        return speaker;
    }

    private static bool GoesOn(string text, QuoteRegion quote)
    {
        var first = quote.Content.Start;
        while (first < quote.Content.End && !char.IsLetter(text[first])) first++;
        return first < quote.Content.End && char.IsLower(text[first]);
    }

    /// <summary>
    /// "Ambria accused Teravia of …, while Teravia said on Thursday that …": two speakers' statements set side by side
    /// in one sentence are two statements, when the second clause opens with its own subject and speech verb.
    /// </summary>
    private static IEnumerable<Segment> Contrasted(string text, Segment sentence, IReadOnlyList<QuoteRegion> quotes)
    {
        var join = Lexicon.Contrast().Match(text, sentence.Start, sentence.Length);
        while (join.Success && quotes.Any(q => q.Outer.Contains(join.Index))) join = join.NextMatch();
        if (!join.Success || QuoteRegion.WordCount(text, new Segment(sentence.Start, join.Index)) < 4) return [sentence];
        var second = new Segment(join.Index + join.Length, sentence.End);
        var frame = Attribution.Leading(text, second, quotes);
        if (frame is null || frame.JointOnly || frame.SubjectStart != second.Start || QuoteRegion.WordCount(frame.Subject, new Segment(0, frame.Subject.Length)) > 6)
            return [sentence];
        return [new Segment(sentence.Start, join.Index), second];
    }

    private static Segment Frame(Frame frame, Segment sentence) =>
        frame.SubjectStart < frame.VerbEnd ? new Segment(frame.SubjectStart, Math.Min(sentence.End, frame.VerbEnd + 40)) : sentence;

    /// <summary>
    /// "“…,” she said in an interview in her office in Pellin on Thursday.": an attribution after its quotation runs to
    /// the sentence's end (or the next quotation), and all of it is about the saying, however far the day stands.
    /// </summary>
    private static Segment Frame(Frame frame, Segment sentence, QuoteRegion quote, IReadOnlyList<QuoteRegion> quotes)
    {
        if (frame.SubjectStart < quote.Outer.End || frame.SubjectStart >= frame.VerbEnd) return Frame(frame, sentence);
        var end = quotes.Where(q => q.Outer.Start >= frame.VerbEnd && q.Outer.Start < sentence.End).Select(q => q.Outer.Start).DefaultIfEmpty(sentence.End).Min();
        return new Segment(frame.SubjectStart, Math.Max(end, Math.Min(sentence.End, frame.VerbEnd + 40)));
    }

    private static bool StandsAlone(string text, Segment sentence, QuoteRegion quote) =>
        QuoteRegion.WordCount(text, new Segment(sentence.Start, quote.Outer.Start))
        + QuoteRegion.WordCount(text, new Segment(quote.Outer.End, sentence.End)) == 0;
}
