using Archive.Extraction.Speakers;
using Archive.Extraction.Text;

namespace Archive.Extraction.Readers;

/// <summary>
/// A candidate before dates, topics and code points are worked out. <see cref="Frame"/> holds the words around the
/// speech verb, where a said-on cue ("on Monday") belongs to the saying rather than to what was said.
/// </summary>
internal sealed record Draft(Segment Range, string Kind, Speaker Speaker, string Rule, string Confidence, Segment? Frame)
{
    public DateOnly? SaidOn { get; init; }

    public string? SaidOnCue { get; init; }
}
