namespace Archive.Domain.Sources;

public sealed record SourceState(
    string? Id, string Title, string? Outlet, string? Url, DateOnly? PublishedOn, string? Language, string TextHash, string Text)
{
    public static readonly SourceState Empty = new(null, "", null, null, null, null, "", "");

    public bool Exists => Id is not null;

    public SourceState Apply(object @event) => @event switch
    {
        SourceRegistered e => new SourceState(e.SourceId, e.Title, e.Outlet, e.Url, e.PublishedOn, e.Language, e.TextHash, e.Text),
        SourceCorrected e => this with
        {
            Title = e.Title ?? Title,
            Outlet = e.Outlet ?? Outlet,
            Url = e.Url ?? Url,
            PublishedOn = e.PublishedOn ?? PublishedOn,
            Language = e.Language ?? Language,
        },
        _ => this,
    };

    public static SourceState Replay(IEnumerable<object> events) => events.Aggregate(Empty, (state, e) => state.Apply(e));
}
