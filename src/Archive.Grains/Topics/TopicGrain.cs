using Archive.Domain;
using Archive.Domain.Common;
using Archive.Domain.Topics;
using Archive.Grains.Interfaces;
using Archive.Grains.Storage;
using Archive.Store.Storage;
using Orleans.Concurrency;

namespace Archive.Grains.Topics;

[Reentrant]
public sealed class TopicGrain(StreamStore storage) : StreamGrain<TopicState>(storage), ITopicGrain
{
    protected override string StreamKey => StreamKeys.Topic(this.GetPrimaryKeyString());
    protected override TopicState Initial => TopicState.Empty;
    protected override TopicState Apply(TopicState state, object @event) => state.Apply(@event);
    protected override bool TakesSnapshots => true;

    public async Task<WriteResult> Open(OpenTopic command, WriteContext context)
    {
        command = command with { TopicId = this.GetPrimaryKeyString() };
        var parentExists = command.ParentId is { } parent && parent != command.TopicId && Slug.IsValid(parent)
                           && await GrainFactory.GetGrain<ITopicGrain>(parent).Exists();
        return await Commit(OpenTopic.Handle(Current, command, parentExists, Meta(context)), context, command.TopicId);
    }

    public Task<WriteResult> Rename(RenameTopic command, WriteContext context) =>
        Commit(RenameTopic.Handle(Current, command with { TopicId = this.GetPrimaryKeyString() }, Meta(context)), context, this.GetPrimaryKeyString());

    public Task<WriteResult> File(FileStatement command, WriteContext context) =>
        Commit(FileStatement.Handle(Current, command with { TopicId = this.GetPrimaryKeyString() }, Meta(context)), context, command.StatementId);

    public Task<IReadOnlyList<WriteResult>> FileMany(IReadOnlyList<FileStatement> commands, WriteContext context) =>
        CommitEach(commands, (state, c) => FileStatement.Handle(state, c with { TopicId = this.GetPrimaryKeyString() }, Meta(context)),
            c => c.StatementId, context);

    public Task<WriteResult> Unfile(UnfileStatement command, WriteContext context) =>
        Commit(UnfileStatement.Handle(Current, command with { TopicId = this.GetPrimaryKeyString() }, Meta(context)), context, command.StatementId);

    public async Task<WriteResult> Merge(MergeTopic command, WriteContext context)
    {
        command = command with { TopicId = this.GetPrimaryKeyString() };
        var into = command.IntoTopicId;
        var target = new MergeTarget(false);
        if (Slug.IsValid(into) && into != command.TopicId)
        {
            var standing = await GrainFactory.GetGrain<ITopicGrain>(into).Standing();
            target = new MergeTarget(standing.Exists, standing.MergedInto);
        }
        return await Commit(MergeTopic.Handle(Current, command, target, Meta(context)), context, command.TopicId);
    }

    public Task<bool> Exists() => Task.FromResult(Confirmed.Exists);

    public Task<TopicStanding> Standing() => Task.FromResult(new TopicStanding(Confirmed.Exists, Confirmed.MergedInto));
}
