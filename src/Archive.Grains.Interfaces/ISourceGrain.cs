using Archive.Domain.Sources;

namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>source:{id}</c>; the id is derived from the document's text.</summary>
public interface ISourceGrain : IGrainWithStringKey
{
    Task<WriteResult> Register(RegisterSource command, WriteContext context);

    /// <summary>The source as registered, or an empty state when it is not.</summary>
    Task<SourceState> Get();
}
