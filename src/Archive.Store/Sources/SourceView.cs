using Archive.Domain.Sources;
using Marten.Events.Projections;

namespace Archive.Store.Sources;

public sealed class SourceView
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Outlet { get; set; }
    public string? Url { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Language { get; set; }
    public string TextHash { get; set; } = "";
    public string Text { get; set; } = "";
    public int Length { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}

public sealed partial class SourceViewProjection : MultiStreamProjection<SourceView, string>
{
    public SourceViewProjection()
    {
        Identity<SourceRegistered>(e => e.SourceId);
        Identity<SourceCorrected>(e => e.SourceId);
    }

    public SourceView Create(SourceRegistered e) => new()
    {
        Id = e.SourceId, Title = e.Title, Outlet = e.Outlet, Url = e.Url, PublishedOn = e.PublishedOn, Language = e.Language,
        TextHash = e.TextHash, Text = e.Text, Length = SourceText.CodePointLength(e.Text), RegisteredAt = e.RegisteredAt,
    };

    public void Apply(SourceCorrected e, SourceView view)
    {
        view.Title = e.Title ?? view.Title;
        view.Outlet = e.Outlet ?? view.Outlet;
        view.Url = e.Url ?? view.Url;
        view.PublishedOn = e.PublishedOn ?? view.PublishedOn;
        view.Language = e.Language ?? view.Language;
    }
}
