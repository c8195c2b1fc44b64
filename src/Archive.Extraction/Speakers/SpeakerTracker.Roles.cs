namespace Archive.Extraction.Speakers;

/// <summary>What limits the holders a role word may name: a name set beside the title.</summary>
internal sealed partial class SpeakerTracker
{
    private static string? ApposedName(string mention)
    {
        var comma = mention.IndexOf(',');
        var apposed = comma > 0 ? mention[(comma + 1)..].Trim().TrimEnd(',').Trim() : "";
        return apposed.Length > 0 && MentionKinds.RoleWord(apposed) is null && Capitalised(apposed) ? apposed : null;
    }
}
