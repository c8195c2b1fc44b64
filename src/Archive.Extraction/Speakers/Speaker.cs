namespace Archive.Extraction.Speakers;

/// <summary>A resolved speaker: the mention as written, the actor it names (if any) and, for joint statements, the others.</summary>
internal sealed record Speaker(string? ActorId, string Mention, bool IsPerson, IReadOnlyList<string> CoSpeakers)
{
    public bool IsJoint => CoSpeakers.Count > 0 || (ActorId is null && MentionKinds.IsJointPhrase(Mention));

    public static Speaker Unresolved(string mention, bool isPerson) => new(null, mention, isPerson, []);

    public bool SameAs(Speaker other) =>
        ActorId is not null ? ActorId == other.ActorId : ActorId is null && other.ActorId is null && Mention == other.Mention;
}
