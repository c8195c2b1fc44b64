using Archive.Domain.Sources;

namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>source:{id}</c>; the id is derived from the document's text.</summary>
public interface ISourceGrain : IGrainWithStringKey
{
    Task<WriteResult> Register(RegisterSource command, WriteContext context);

    /// <summary>Corrects the source's description (never its text: a different text is a different source).</summary>
    Task<WriteResult> Correct(CorrectSource command, WriteContext context);

    /// <summary>The source as registered, or an empty state when it is not.</summary>
    Task<SourceState> Get();
}
