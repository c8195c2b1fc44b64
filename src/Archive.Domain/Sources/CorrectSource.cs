using Archive.Domain.Common;

namespace Archive.Domain.Sources;

/// <summary>
/// Corrects a source's description (never its text): the fields given are checked as at registration, and only those
/// that differ from the current description are recorded; a correction that changes nothing is a no-op.
/// </summary>
public sealed record CorrectSource(
    string SourceId, string Reason, string? Title = null, string? Outlet = null, string? Url = null, DateOnly? PublishedOn = null, string? Language = null)
{
    public static Decision Handle(SourceState state, CorrectSource command, CommandContext context)
    {
        var errors = new List<DomainError>();
        Checks.Text(errors, "reason", command.Reason, 2000, multiline: true);
        if (command is { Title: null, Outlet: null, Url: null, PublishedOn: null, Language: null })
            errors.Add(DomainError.Invalid("body", "name at least one of title, outlet, url, publishedOn, language to correct; the text never changes"));
        RegisterSource.Description(errors, command.Title, command.Outlet, command.Url, command.PublishedOn, command.Language, context.Now, titleRequired: false);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!state.Exists) return Decision.NotFound("sourceId", $"source '{command.SourceId}' is not registered");

        var title = command.Title?.Trim();
        var corrected = new SourceCorrected(
            state.Id!,
            title is not null && title != state.Title ? title : null,
            command.Outlet is not null && command.Outlet != state.Outlet ? command.Outlet : null,
            command.Url is not null && command.Url != state.Url ? command.Url : null,
            command.PublishedOn is not null && command.PublishedOn != state.PublishedOn ? command.PublishedOn : null,
            command.Language is not null && command.Language != state.Language ? command.Language : null,
            command.Reason, context.Principal, context.Now);
        // A retry of a correction that was made finds nothing left to change.
        if (corrected is { Title: null, Outlet: null, Url: null, PublishedOn: null, Language: null }) return Decision.NoOp;
        return Decision.Accept(corrected);
    }
}
