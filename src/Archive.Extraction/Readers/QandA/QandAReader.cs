using Archive.Extraction.Dates;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers.QandA;

/// <summary>
/// Reads a press-conference transcript. Questions are not statements of record; each answer paragraph, and each
/// opening announcement, is the answerer's statement, except sentences in it that report another party
/// ("Pakistan stressed that …", "the two sides agreed …"), which are that party's.
/// </summary>
internal static class QandAReader
{
    /// <param name="header">The paragraphs before the first turn, and <paramref name="turns"/> the turns, as <see cref="Turns.Parse"/> found them.</param>
    public static void Read(ReadingContext context, List<Segment> header, List<Turn> turns)
    {
        MarkQuestions(context, turns);
        var briefer = Answerers.Briefer(context, header);
        // Announcements with no label before the first question are the briefer's, as the answers marked "A:" are.
        if (briefer is not null && turns.Count > 0 && (turns[0].IsQuestion || Turns.IsAnswerPrefix(turns[0].Prefix)))
        {
            context.Tracker.FirstPerson = briefer;
            // "Estova's Minister of Defence, Rasmus Okell, spoke to Clara Voss …": a paragraph naming the briefer introduces them.
            foreach (var paragraph in header.Where(p => Answerers.IsProse(context.Text, p) && !Names(context, p, briefer))) ReadAnswer(context, paragraph, briefer);
        }
        var moderators = Turns.NamedModerators(context.Document, turns);
        // A chair nobody labels as one: short turns, none answering a question, while others answer.
        moderators = moderators.Union(Hosts.Unlabelled(context.Text, turns, t => Skipped(t, moderators, turns) || Turns.IsNarrator(t.Prefix))).ToHashSet(StringComparer.Ordinal);
        var unlabelledAsker = UnlabelledInterviewer(context.Text, turns);
        // A name standing alone above bare "Q:" / "A:" pairs answers them, until the next such name.
        var bare = turns.Any(t => Turns.IsAnswerPrefix(t.Prefix));
        var named = bare ? NameLines.Trailing(context, header)?.Speaker : null;
        foreach (var turn in turns)
        {
            var section = named;
            var paragraphs = turn.Paragraphs;
            if (bare && NameLines.Trailing(context, paragraphs) is { } line) (paragraphs, named) = (paragraphs.Take(line.Index).ToList(), line.Speaker);
            if (turn.IsQuestion) { NoteAskedAbout(context, turn); continue; }
            if (Skipped(turn, moderators, turns)) continue;
            if (Turns.IsNarrator(turn.Prefix))
            {
                context.Tracker.FirstPerson = null;
                foreach (var paragraph in turn.Paragraphs) News.NewsReader.Read(context, paragraph, jointDocument: false);
                continue;
            }
            var answerer = Answerers.Of(context, turn, Turns.IsAnswerPrefix(turn.Prefix) ? section ?? briefer : briefer);
            context.Tracker.FirstPerson = answerer;
            foreach (var paragraph in unlabelledAsker && LabelledBody(context.Text, turn) ? paragraphs.Take(1) : paragraphs) ReadAnswer(context, paragraph, answerer);
        }
    }

    private static bool Skipped(Turn turn, IReadOnlySet<string> moderators, IReadOnlyList<Turn> turns) =>
        Turns.IsInterpreter(turn.Prefix) || moderators.Contains(Turns.Bare(turn.Prefix)) || Turns.IsUnnamed(turn.Prefix) || Turns.IsDescribedHost(turn.Prefix)
        || Turns.IsPanelNumber(turn.Prefix, turns);

    /// <summary>
    /// A printed interview labels only the one who answers ("Marwick: …") and sets the interviewer's questions as plain
    /// paragraphs between the answers. When no turn asks and, at least twice, a label returns for the same speaker
    /// right after unlabelled paragraphs, someone else spoke there: those paragraphs are the interviewer's.
    /// </summary>
    private static bool UnlabelledInterviewer(string text, List<Turn> turns)
    {
        if (turns.Any(t => t.IsQuestion)) return false;
        var returns = 0;
        for (var i = 0; i + 1 < turns.Count; i++)
            if (LabelledBody(text, turns[i]) && turns[i].Paragraphs.Count > 1 && Turns.Bare(turns[i].Prefix) == Turns.Bare(turns[i + 1].Prefix)) returns++;
        return returns >= 2;
    }

    // The turn's first paragraph is on its label's line ("Marwick: I understand …"), not below a label standing alone.
    private static bool LabelledBody(string text, Turn turn) =>
        turn.Paragraphs.Count > 0 && turn.Paragraphs[0].Start >= turn.PrefixRange.End
        && text.AsSpan(turn.PrefixRange.End, turn.Paragraphs[0].Start - turn.PrefixRange.End).IndexOf('\n') < 0;

    // A prefix asks when it is a questioner's label ("Q", "Journalist"), or when it names no person the archive knows
    // (an outlet: "Reuters", "Valdoria Broadcasting") and most of its turns ask something.
    private static void MarkQuestions(ReadingContext context, List<Turn> turns)
    {
        var asking = turns.GroupBy(t => t.Prefix).ToDictionary(g => g.Key, g =>
            Turns.IsQuestionPrefix(g.Key) || (!NamesPerson(context, g.Key) && g.Count(t => Asks(context.Text, t)) * 2 > g.Count()));
        foreach (var turn in turns) turn.IsQuestion = asking[turn.Prefix];
    }

    // A question is nobody's statement, but the day it gives for someone's remarks may date the answer's report of them.
    private static void NoteAskedAbout(ReadingContext context, Turn turn)
    {
        var text = context.Text;
        foreach (var paragraph in turn.Paragraphs)
        {
            var quotes = Quotes.Find(text, paragraph);
            foreach (var sentence in Sentences.Split(text, paragraph, quotes.Select(q => q.Outer).ToList()))
            {
                if (Attribution.Leading(text, sentence, quotes) is not { JointOnly: false } frame) continue;
                var window = new Segment(sentence.Start, Attribution.DateWindowEnd(text, frame.VerbEnd, frame.ContentStart, sentence.End));
                var cue = Dates.DateCues.Find(text[window.Start..window.End], context.Reference).FirstOrDefault(c => c.Date is not null && !c.Vague);
                if (cue?.Date is not { } day || context.Resolve(frame.Subject, window)?.ActorId is not { } actor) continue;
                context.AskedAbout[actor] = (day, cue.Words + " (in the question)");
            }
        }
    }

    private static bool Names(ReadingContext context, Segment paragraph, Speaker briefer) =>
        context.Tracker.Index.Occurrences(context.Document.Slice(paragraph)).Any(o => o.Actor.Id == briefer.ActorId);

    private static bool NamesPerson(ReadingContext context, string prefix) =>
        context.Tracker.Index.Match(prefix) is { } actor && ActorIndex.IsPerson(actor);

    private static bool Asks(string text, Turn turn) =>
        turn.Paragraphs.Any(p => text.AsSpan(p.Start, p.Length).IndexOfAny('?', '？') >= 0);

    private static void ReadAnswer(ReadingContext context, Segment paragraph, Speaker answerer)
    {
        var text = context.Text;
        paragraph = Answerers.WithoutStageNotes(text, paragraph);
        if (paragraph.Length == 0 || Answerers.IsHeading(text, paragraph)) return;
        var quotes = Quotes.Find(text, paragraph);
        var sentences = Sentences.Split(text, paragraph, quotes.Select(q => q.Outer).ToList());
        int? ownStart = null, ownEnd = null;
        (Speaker Speaker, Segment Window)? quoting = null;
        // "I spoke to Foreign Minister Fenwick on Monday. She told me …": the meeting only introduces her words, and
        // dates them; when no words of hers follow, it is the answerer's own sentence after all. So does "Our Prime
        // Minister made this point on Monday." before "Let me read out what she said: “…”" (not a talk: Talk false).
        (Segment Sentence, Speaker Person, bool Talk)? meeting = null;
        void Own(Segment sentence) { ownStart ??= sentence.Start; ownEnd = sentence.End; }
        void KeepMeeting() { if (meeting is { } m) Own(m.Sentence); meeting = null; }
        foreach (var sentence in sentences)
        {
            if (Courtesy.IsCourtesy(text[sentence.Start..sentence.End]))
            {
                KeepMeeting();
                Flush(context, answerer, ref ownStart, ref ownEnd);
                continue;
            }
            // "Let me read you what the Kestrian ministry said on Monday: “…”", or the quotation in the next sentence
            // ("I quote: “…”"): the lead-in is no one's statement, the quotation is the one named.
            if (QuotedLeadIn.Speaker(context, sentence) is { } leadIn)
            {
                var window = sentence;
                if (meeting is { } told && leadIn.SameAs(told.Person)) (window, meeting) = (new Segment(told.Sentence.Start, sentence.End), null);
                KeepMeeting();
                Flush(context, answerer, ref ownStart, ref ownEnd);
                quoting = (leadIn, window);
                if (QuotedLeadIn.Quotation(text, sentence, quotes) is not { } inside) continue;
                context.Add(QuotedLeadIn.Draft(leadIn, inside, window));
                quoting = null;
                continue;
            }
            if (quoting is { } pending && QuotedLeadIn.Quotation(text, sentence, quotes) is { } quotation && QuotedLeadIn.OnlyQuotes(text, sentence, quotation))
            {
                context.Add(QuotedLeadIn.Draft(pending.Speaker, quotation, pending.Window));
                quoting = null;
                continue;
            }
            quoting = null;
            // "I spoke to Minister Brekke on Sunday, and he told me …": the person spoken to is who "he" means.
            var spokenTo = Interlocutors.Find(context.Tracker.Index, text[sentence.Start..sentence.End]);
            if (spokenTo is not null) context.Tracker.Observe(spokenTo);
            if (Embedded(context, sentence, quotes, answerer) is { } draft)
            {
                if (meeting is { Talk: true } met && draft.Speaker.SameAs(met.Person))
                    (draft, meeting) = (draft with { Frame = new Segment(met.Sentence.Start, draft.Frame?.End ?? sentence.End) }, null);
                KeepMeeting();
                Flush(context, answerer, ref ownStart, ref ownEnd);
                context.Add(draft);
                context.Tracker.FirstPerson = answerer;
                continue;
            }
            var narrated = context.Tracker.NoteNarrative(text[sentence.Start..sentence.End]);
            if (spokenTo is not null) context.Tracker.Observe(spokenTo);
            KeepMeeting();
            if (spokenTo is not null) meeting = (sentence, spokenTo, true);
            else if (narrated is { IsPerson: true } named && !named.SameAs(answerer)
                && DateCues.Find(text[sentence.Start..sentence.End], context.Reference).Any(c => c.Date is not null)) meeting = (sentence, named, false);
            else Own(sentence);
        }
        KeepMeeting();
        Flush(context, answerer, ref ownStart, ref ownEnd);
    }

    private static Draft? Embedded(ReadingContext context, Segment sentence, IReadOnlyList<QuoteRegion> quotes, Speaker answerer)
    {
        var frame = Attribution.Leading(context.Text, sentence, quotes);
        if (frame is null || frame.JointOnly) return null;
        // "As I said, …" is the answerer recalling their own words: the subject is "I", not "As I".
        var kind = MentionKinds.Classify(frame.Subject.StartsWith("As ", StringComparison.Ordinal) ? frame.Subject[3..] : frame.Subject);
        if (kind is MentionKind.FirstPerson or MentionKind.Generic || MentionKinds.IsOwnInstitution(frame.Subject)) return null;
        // "I am glad the President has agreed …", "What I have said to the President, I can say": the answerer's own clause.
        if (MentionKinds.SpeaksInFirstPerson(frame.Subject)) return null;
        // "Corvelia has announced an air-defence exercise", "Corvelia notified the exercise to us": an act the answerer
        // tells of, not words they pass on, when no "that" gives what was said.
        if (frame.ContentStart == frame.VerbEnd && Lexicon.AnnouncedAct().IsMatch(context.Text[Math.Max(sentence.Start, frame.VerbEnd - 16)..frame.VerbEnd])
            && !context.Text[frame.VerbEnd..sentence.End].Contains(" that ", StringComparison.Ordinal)
            && Lexicon.Determiner().IsMatch(context.Text[(frame.VerbEnd - (context.Text[..frame.VerbEnd].EndsWith(" the", StringComparison.Ordinal) ? 3 : 0))..sentence.End]))
            return null;
        // "Minister Brenner told me on Sunday that …": the words about the saying may date it, as in a report.
        var segment = new Segment(sentence.Start, Attribution.DateWindowEnd(context.Text, frame.VerbEnd, frame.ContentStart, sentence.End));
        var speaker = context.Resolve(frame.Subject, segment);
        if (speaker is null || speaker.SameAs(answerer) || SpeaksForAnswerer(context, speaker, answerer)) return null;
        // "As President Okafor said on Sunday, “…”": the quotation is their words as said, dated by the words before it.
        if (!speaker.IsJoint && quotes.FirstOrDefault(q => q.Outer.Start >= frame.VerbEnd && sentence.Contains(q.Outer.Start)
                && Lexicon.QuoteFollows().IsMatch(context.Text[frame.VerbEnd..q.Outer.Start])) is { } quote)
            return new Draft(quote.Content, QuoteKinds.Direct, speaker, "qa.answer.quoted", speaker.ActorId is null ? Confidences.Low : Confidences.Medium,
                new Segment(sentence.Start, quote.Outer.Start));
        return speaker.IsJoint
            ? new Draft(sentence, QuoteKinds.Joint, speaker, "qa.answer.joint", Confidences.High, segment)
            : new Draft(sentence, QuoteKinds.Reported, speaker, "qa.answer.reported", speaker.ActorId is null ? Confidences.Low : Confidences.Medium, segment);
    }

    // A spokesperson saying "China opposes …" speaks for China: that is the spokesperson's own statement.
    private static bool SpeaksForAnswerer(ReadingContext context, Speaker speaker, Speaker answerer)
    {
        var actor = context.Tracker.Index.ById(speaker.ActorId);
        var self = context.Tracker.Index.ById(answerer.ActorId);
        return !speaker.IsJoint && actor is not null && self is not null && !ActorIndex.IsPerson(actor) && actor.Country == self.Country;
    }

    private static void Flush(ReadingContext context, Speaker answerer, ref int? start, ref int? end)
    {
        if (start is null || end is null) return;
        // "The fees stay as they are. (Laughter.)": a stage note at the edge of an answer is the transcriber's.
        end = start + Answerers.TrailingStageNote().Replace(context.Text[start.Value..end.Value], "").Length;
        var confidence = answerer.ActorId is null ? Confidences.Medium : Confidences.High;
        context.Add(new Draft(new Segment(start.Value, end.Value), QuoteKinds.Direct, answerer, "qa.answer", confidence, null));
        (start, end) = (null, null);
    }
}
