using Archive.Domain.Topics;

namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>topic:{id}</c>.</summary>
public interface ITopicGrain : IGrainWithStringKey
{
    Task<WriteResult> Open(OpenTopic command, WriteContext context);
    Task<WriteResult> Rename(RenameTopic command, WriteContext context);
    Task<WriteResult> File(FileStatement command, WriteContext context);

    /// <summary>Files many statements in one append, each answered on its own, in the order given.</summary>
    Task<IReadOnlyList<WriteResult>> FileMany(IReadOnlyList<FileStatement> commands, WriteContext context);
    Task<WriteResult> Unfile(UnfileStatement command, WriteContext context);

    /// <summary>Merges this topic into another: it takes no more filings, and its statements appear under the target.</summary>
    Task<WriteResult> Merge(MergeTopic command, WriteContext context);
    Task<bool> Exists();

    /// <summary>Whether the topic exists and what it was merged into, in one call: what a filing needs to know.</summary>
    Task<TopicStanding> Standing();
}

/// <summary>A topic as a write that files under it sees it: <see cref="MergedInto"/> is the topic it went into, or null.</summary>
[GenerateSerializer, Immutable]
public sealed record TopicStanding([property: Id(0)] bool Exists, [property: Id(1)] string? MergedInto);
