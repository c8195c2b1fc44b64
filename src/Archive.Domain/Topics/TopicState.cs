using System.Collections.Immutable;

namespace Archive.Domain.Topics;

public sealed record TopicState(
    string? Id,
    string Title,
    string? Description,
    string? ParentId,
    string? MergedInto,
    ImmutableDictionary<string, string> Filed,
    ImmutableDictionary<string, string> UnfiledReasons)
{
    public static readonly TopicState Empty = new(null, "", null, null, null,
        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty);

    public bool Exists => Id is not null;

    public TopicState Apply(object @event) => @event switch
    {
        TopicOpened e => this with { Id = e.TopicId, Title = e.Title, Description = e.Description, ParentId = e.ParentId },
        TopicRenamed e => this with { Title = e.Title },
        TopicMerged e => this with { MergedInto = e.IntoTopicId },
        StatementFiled e => this with { Filed = Filed.SetItem(e.StatementId, e.ActorId), UnfiledReasons = UnfiledReasons.Remove(e.StatementId) },
        StatementUnfiled e => this with { Filed = Filed.Remove(e.StatementId), UnfiledReasons = UnfiledReasons.SetItem(e.StatementId, e.Reason) },
        _ => this,
    };

    public static TopicState Replay(IEnumerable<object> events) => events.Aggregate(Empty, (state, e) => state.Apply(e));
}
