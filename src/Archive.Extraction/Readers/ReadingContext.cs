using Archive.Extraction.Dates;
using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers;

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

    public Speaker? LastSpeaker { get; private set; }

    public void Add(Draft draft)
    {
        Drafts.Add(draft);
        Tracker.Observe(draft.Speaker);
        LastSpeaker = draft.Speaker;
    }

    public Speaker? Resolve(string mention) => Tracker.Resolve(mention, Reference);

    /// <summary>Resolves at the date the frame gives ("the ambassador said on Friday"): roles change hands.</summary>
    public Speaker? Resolve(string mention, Segment frame)
    {
        var on = DateCues.Find(Text[frame.Start..frame.End], Reference).Select(c => c.Date).FirstOrDefault(d => d is not null);
        return Tracker.Resolve(mention, on ?? Reference);
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
