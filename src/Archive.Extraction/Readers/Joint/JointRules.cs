using Archive.Extraction.Speakers;

namespace Archive.Extraction.Readers.Joint;

/// <summary>
/// What kind of statement a "subject + verb" sentence is. "The two sides agreed …" and "China and Pakistan
/// reaffirmed …" are joint wherever they stand; in a joint statement or readout a single government's sentence
/// ("Pakistan thanked China …") is also joint, with the other party as co-speaker. "Will", "decided" and the like
/// only make statements of joint subjects (and of governments inside a joint statement).
/// </summary>
internal static class JointRules
{
    public static (string Kind, string Rule, Speaker Speaker)? Classify(ReadingContext context, Speaker speaker, bool jointOnlyVerb, bool jointDocument)
    {
        var government = !speaker.IsPerson && speaker.ActorId is not null;
        if (jointOnlyVerb && !speaker.IsJoint && !(jointDocument && government)) return null;
        if (speaker.IsJoint) return (QuoteKinds.Joint, "joint.both-sides", speaker);
        if (jointDocument && government) return (QuoteKinds.Joint, "joint.party", context.WithOtherParties(speaker));
        return (QuoteKinds.Reported, "news.reported", speaker);
    }
}
