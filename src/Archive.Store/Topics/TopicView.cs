using Archive.Domain.Topics;
using Marten.Events.Projections;

namespace Archive.Store.Topics;

public sealed class TopicView
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? ParentId { get; set; }
    public string? MergedInto { get; set; }
    public int StatementCount { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
}

public sealed partial class TopicViewProjection : MultiStreamProjection<TopicView, string>
{
    public TopicViewProjection()
    {
        Identity<TopicOpened>(e => e.TopicId);
        Identity<TopicRenamed>(e => e.TopicId);
        Identity<TopicMerged>(e => e.TopicId);
        Identity<StatementFiled>(e => e.TopicId);
        Identity<StatementUnfiled>(e => e.TopicId);
    }

    public TopicView Create(TopicOpened e) => new()
    {
        Id = e.TopicId, Title = e.Title, Description = e.Description, ParentId = e.ParentId, OpenedAt = e.OpenedAt,
    };

    public void Apply(TopicRenamed e, TopicView view) => view.Title = e.Title;

    public void Apply(TopicMerged e, TopicView view) => view.MergedInto = e.IntoTopicId;

    public void Apply(StatementFiled e, TopicView view) => view.StatementCount++;

    public void Apply(StatementUnfiled e, TopicView view) => view.StatementCount--;
}
