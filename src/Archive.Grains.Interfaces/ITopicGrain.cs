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

    /// <summary>The topic this one was merged into, or null.</summary>
    Task<string?> MergedInto();
}
