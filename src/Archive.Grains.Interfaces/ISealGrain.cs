namespace Archive.Grains.Interfaces;

/// <summary>The single writer of the stream <c>archive:seals</c>: seals what was committed since the last seal.</summary>
public interface ISealGrain : IGrainWithStringKey
{
    public const string Key = "archive";

    /// <summary>Seals the committed events since the previous seal; unchanged when there are none.</summary>
    Task<WriteResult> Seal(WriteContext context);

    /// <summary>Seals when at least <paramref name="maxEvents"/> events wait, or any have waited <paramref name="maxAge"/>.</summary>
    Task<WriteResult> SealIfDue(long maxEvents, TimeSpan maxAge, WriteContext context);
}
