using Archive.Domain;
using Archive.Domain.Common;
using Archive.Domain.Sources;
using Archive.Grains.Interfaces;
using Archive.Grains.Storage;
using Archive.Store.Storage;
using Orleans.Concurrency;

namespace Archive.Grains.Sources;

[Reentrant]
public sealed class SourceGrain(StreamStore storage) : StreamGrain<SourceState>(storage), ISourceGrain
{
    protected override string StreamKey => StreamKeys.Source(this.GetPrimaryKeyString());
    protected override SourceState Initial => SourceState.Empty;
    protected override SourceState Apply(SourceState state, object @event) => state.Apply(@event);

    public Task<WriteResult> Register(RegisterSource command, WriteContext context)
    {
        // The grain's key must be the id the text derives to; anything else would file the text under a wrong id.
        if (command.Text is not null && command.SourceId != this.GetPrimaryKeyString())
            return Task.FromResult(WriteResult.Refused([DomainError.Invalid("text", "does not derive to this source id")]));
        return Commit(RegisterSource.Handle(Current, command, Meta(context)), context, this.GetPrimaryKeyString());
    }

    public Task<WriteResult> Correct(CorrectSource command, WriteContext context) =>
        Commit(CorrectSource.Handle(Current, command with { SourceId = this.GetPrimaryKeyString() }, Meta(context)), context, this.GetPrimaryKeyString());

    public Task<SourceState> Get() => Task.FromResult(Confirmed);

    // The text's folded form and code point index are built on the first question and kept with the text, which this
    // activation holds: later questions slice and search without another pass over the text.
    public Task<IReadOnlyList<AnchoredQuote>?> Anchor(IReadOnlyList<AnchorQuote> quotes) =>
        Task.FromResult(AnchorQuote.Answer(Confirmed, quotes));
}
