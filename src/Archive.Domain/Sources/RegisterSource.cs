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
        Description(errors, command.Title, command.Outlet, command.Url, command.PublishedOn, command.Language, context.Now, titleRequired: true);
        var text = command.Text is null ? null : SourceText.Normalise(command.Text);
        Checks.Text(errors, "text", text, SourceText.MaxLength, multiline: true);
        if (errors.Count > 0) return Decision.Refuse(errors);

        // The same document registered again is the same source: nothing to add.
        if (state.Exists) return Decision.NoOp;
        return Decision.Accept(new SourceRegistered(
            SourceText.IdFor(text!), command.Title.Trim(), command.Outlet, command.Url, command.PublishedOn, command.Language,
            SourceText.Hash(text!), text!, context.Principal, context.Now));
    }

    /// <summary>The checks on a source's description, shared by registration and correction.</summary>
    internal static void Description(List<DomainError> errors, string? title, string? outlet, string? url, DateOnly? publishedOn, string? language,
        DateTimeOffset now, bool titleRequired)
    {
        Checks.Text(errors, "title", title, 500, required: titleRequired);
        Checks.Text(errors, "outlet", outlet, 200, required: false);
        Checks.Url(errors, "url", url);
        Checks.Language(errors, "language", language);
        if (publishedOn is { } published) Checks.Day(errors, "publishedOn", published, now);
    }
}
