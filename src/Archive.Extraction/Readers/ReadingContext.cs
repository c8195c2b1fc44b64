using Archive.Extraction.Dates;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers;

/// <summary>A day the narrative gives for a person's occasion, at a position in the text.</summary>
internal sealed record Occasion(int Position, string ActorId, DateOnly Date, string Cue);

/// <summary>What a reader carries through a document: the text, the speakers met so far, and the drafts made.</summary>
internal sealed class ReadingContext(Document document, SpeakerTracker tracker, DateOnly? reference, IReadOnlyList<string> parties)
{
    public Document Document { get; } = document;

    public string Text => Document.Text;

    public SpeakerTracker Tracker { get; } = tracker;

    /// <summary>The date weekday words and yearless dates resolve against: the publication date, else the header's.</summary>
    public DateOnly? Reference { get; } = reference;

    /// <summary>The governments a joint statement speaks for, in the order the text first names them.</summary>
    public IReadOnlyList<string> Parties { get; } = parties;

    public List<Draft> Drafts { get; } = [];

    /// <summary>Days the narrative gives a person's occasion ("Stan struck a conciliatory tone on Tuesday"), by position.</summary>
    public List<Occasion> Occasions { get; } = [];

    /// <summary>
    /// The days questions give for someone's remarks ("Kestria's foreign minister said on Tuesday that …"), by actor:
    /// an answer that reports the same person's words without a day of its own refers to those remarks.
    /// </summary>
    public Dictionary<string, (DateOnly Date, string Cue)> AskedAbout { get; } = new(StringComparer.Ordinal);

    public Speaker? LastSpeaker { get; private set; }

    /// <summary>The speaker a paragraph ending "… he said:" hands to the quotation in the next paragraph.</summary>
    public Speaker? Introduced { get; set; }

    public void Add(Draft draft)
    {
        Drafts.Add(draft);
        Tracker.Observe(draft.Speaker);
        LastSpeaker = draft.Speaker;
    }

    public Speaker? Resolve(string mention) => Tracker.Resolve(mention, Reference, null);

    /// <summary>
    /// Resolves at the date the frame gives ("the ambassador said on Friday"): roles change hands. "The two sides" are
    /// the governments named just before the frame, in its paragraph and the one before, when there are enough of them.
    /// </summary>
    public Speaker? Resolve(string mention, Segment frame)
    {
        var on = DateCues.Find(Text[frame.Start..frame.End], Reference).Select(c => c.Date).FirstOrDefault(d => d is not null);
        var before = Text.IndexOf(mention.Trim(), frame.Start, frame.Length, StringComparison.Ordinal);
        var near = MentionKinds.Classify(mention) == MentionKind.Joint ? NearbyGovernments(before >= 0 ? before : frame.Start) : null;
        return Tracker.Resolve(mention, on ?? Reference, near, near is { Count: 1 } ? Reporter(near[0], frame.Start) : null);
    }

    // The government of one speaker whose statement just before, in the same paragraph, named the government.
    private string? Reporter(string named, int at)
    {
        if (Drafts.Count == 0 || Drafts[^1] is not { Speaker.IsJoint: false } last || last.Range.End > at) return null;
        var between = Text[last.Range.End..at];
        if (between.Contains('\n') || !Tracker.Index.Occurrences(Text[last.Range.Start..last.Range.End]).Any(o => o.Actor.Id == named)) return null;
        return Tracker.GovernmentIdOf(last.Speaker.ActorId) is { } own && own != named ? own : null;
    }

    private List<string> NearbyGovernments(int at)
    {
        var paragraphs = Document.Paragraphs;
        var index = 0;
        while (index + 1 < paragraphs.Count && paragraphs[index + 1].Start <= at) index++;
        var from = paragraphs[Math.Max(0, index - 1)].Start;
        return Tracker.Index.Occurrences(Text[from..at])
            .Where(o => !ActorIndex.IsPerson(o.Actor) && o.Actor.Country is not null)
            .OrderBy(o => o.Index).Select(o => o.Actor.Id).Distinct().ToList();
    }

    /// <summary>A government speaking inside a joint document speaks with the other parties.</summary>
    public Speaker WithOtherParties(Speaker speaker)
    {
        var pair = Parties.Take(2).ToList();
        return speaker.IsJoint || speaker.ActorId is null || !pair.Contains(speaker.ActorId)
            ? speaker
            : speaker with { CoSpeakers = pair.Where(p => p != speaker.ActorId).ToList() };
    }
}
