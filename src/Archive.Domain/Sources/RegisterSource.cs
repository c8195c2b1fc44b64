using Archive.Domain.Common;

namespace Archive.Domain.Sources;

public sealed record RegisterSource(
    string Title, string Text, string? Outlet = null, string? Url = null, DateOnly? PublishedOn = null, string? Language = null)
{
    /// <summary>The id this document will have: derived from its normalised text.</summary>
    public string SourceId => SourceText.IdFor(SourceText.Normalise(Text ?? ""));

    public static Decision Handle(SourceState state, RegisterSource command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "title", command.Title, 500);
        Checks.Text(errors, "outlet", command.Outlet, 200, required: false);
        Checks.Url(errors, "url", command.Url);
        Checks.Language(errors, "language", command.Language);
        if (command.PublishedOn is { } published)
        {
            if (published < Checks.EarliestSaidOn) errors.Add(DomainError.Invalid("publishedOn", $"must not be before {Checks.EarliestSaidOn:yyyy-MM-dd}"));
            // a local date, like said-on: it may already be tomorrow in UTC+14
            if (published > DateOnly.FromDateTime(context.Now.UtcDateTime.AddHours(14))) errors.Add(DomainError.Invalid("publishedOn", "must not be in the future"));
        }
        var text = command.Text is null ? null : SourceText.Normalise(command.Text);
        Checks.Text(errors, "text", text, SourceText.MaxLength, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);

        // The same document registered again is the same source: nothing to add.
        if (state.Exists) return Decision.NoOp;
        return Decision.Accept(new SourceRegistered(
            SourceText.IdFor(text!), command.Title.Trim(), command.Outlet, command.Url, command.PublishedOn, command.Language,
            SourceText.Hash(text!), text!, context.Principal, context.Now));
    }
}
