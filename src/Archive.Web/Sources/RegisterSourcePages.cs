using System.Text;
using Archive.Domain.Sources;
using Archive.Grains.Interfaces;
using Archive.Store.Sources;
using Archive.Web.Shell;

namespace Archive.Web.Sources;

public sealed record SourceForm(string? Title, string? Outlet, string? Url, string? PublishedOn, string? Language, string? Text);

public sealed record RegisterSourceModel(Chrome Chrome, SourceForm Form, FieldErrors Errors);

/// <summary>
/// Registering a source by pasting its text or uploading a .txt file, or an .html page whose main text and description
/// are read as the API reads <c>contentType: text/html</c> (the store's <see cref="HtmlSource"/>); the archive derives its id from the text.
/// </summary>
public static class RegisterSourcePages
{
    public static void Map(WorkspaceRoutes routes) => routes
        .Get("sources/new", Access.Archivist, Form)
        .Post("sources", Access.Archivist, Register);

    private static Task<IResult> Form(WorkspaceRequest request) => Task.FromResult(
        Pages.Html<RegisterSourcePage>(new RegisterSourceModel(request.Chrome("Register a source"), new SourceForm(null, null, null, null, null, null), FieldErrors.None)));

    private static async Task<IResult> Register(WorkspaceRequest request)
    {
        var form = new SourceForm(request.Field("title"), request.Field("outlet"), request.Field("url"), request.Field("publishedOn"),
            request.Field("language"), request.Field("text"));
        var errors = new FieldErrors();
        var text = form.Text;
        var html = false;
        if (request.Form.Files.GetFile("file") is { Length: > 0 } file)
        {
            html = IsHtml(file);
            if (text is not null) errors.Add("text", "paste the text or upload a file, not both");
            else text = await Read(file, errors, request.Aborted);
        }
        else if (text is null) errors.Add("text", "paste the text or upload a .txt or .html file");
        var publishedOn = Dates.ParseDay(form.PublishedOn);
        if (form.PublishedOn is not null && publishedOn is null) errors.Add("publishedOn", "must be a date (YYYY-MM-DD)");
        // A page is described by its metadata where the form leaves a field empty: what the archivist typed wins.
        var command = html && text is not null
            ? HtmlSource.Registration(text, form.Title, form.Outlet, form.Url, publishedOn, form.Language)
            : new RegisterSource(form.Title ?? "", text ?? "", form.Outlet, form.Url, publishedOn, form.Language);
        if (html && text is not null && command.Text.Trim().Length == 0) errors.Add("file", "the page holds no text the archive could read as its article");
        if (errors.Any) return Refused(request, form, errors);

        var result = await request.Service<IGrainFactory>().GetGrain<ISourceGrain>(command.SourceId).Register(command, request.WriteContext());
        if (!result.Succeeded) return Refused(request, form, FieldErrors.From(result.Errors, f => f is "id" or "sourceId" ? "text" : f));
        return request.Wrote(result, $"/sources/{command.SourceId}");
    }

    private static IResult Refused(WorkspaceRequest request, SourceForm form, FieldErrors errors) =>
        Pages.Html<RegisterSourcePage>(new RegisterSourceModel(request.Chrome("Register a source"), form, errors), errors.Status);

    private static bool IsHtml(IFormFile file) =>
        HtmlSource.IsHtml(file.ContentType) || file.FileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
        || file.FileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    // A .txt or .html upload is read as UTF-8 (with or without its byte order mark); anything else is refused, never guessed at.
    private static async Task<string?> Read(IFormFile file, FieldErrors errors, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            errors.Add("file", "is not UTF-8 text; save it as UTF-8 and upload it again");
            return null;
        }
    }
}
