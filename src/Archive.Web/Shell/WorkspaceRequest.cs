using Archive.Api.Http;
using Archive.Grains.Interfaces;
using Archive.Store;
using Archive.Store.Storage;
using Archive.Web.Sessions;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Shell;

/// <summary>One request to a workspace page: its route values, its session, its form, and what every page needs.</summary>
public sealed class WorkspaceRequest(HttpContext http, RouteValueDictionary values, WorkspaceSession? session)
{
    /// <summary>How long a page waits for the read models to show a write before it says so (as the API's minPosition).</summary>
    public static readonly TimeSpan ReadYourWritesBound = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The read models the pages read (the history comes from the events themselves): a page waits for these only,
    /// never for the asynchronous audit entries.
    /// </summary>
    public static readonly IReadOnlyList<ReadModel> PagesReadFrom =
        [.. new[] { "statements", "statement-revisions", "actors", "topics", "sources" }.Select(name => ReadModels.ByName[name])];

    public HttpContext Http { get; } = http;
    public WorkspaceSession? Session { get; } = session;
    public IFormCollection Form { get; set; } = FormCollection.Empty;
    public CancellationToken Aborted => Http.RequestAborted;

    public string Route(string name) => values[name]?.ToString() ?? "";

    public string? Query(string name) => Http.Request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>A form field as sent, or null when empty or blank (quotes and texts are kept exactly as typed).</summary>
    public string? Field(string name) => Form[name].FirstOrDefault() is { } value && value.Trim().Length > 0 ? value : null;

    public IReadOnlyList<string> Fields(string name) => Form[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();

    public T Service<T>() where T : notnull => Http.RequestServices.GetRequiredService<T>();

    public WriteContext WriteContext() => Http.WriteContext();

    /// <summary>What the layout shows: the title, who is signed in, and a fresh antiforgery token for the page's forms.</summary>
    public Chrome Chrome(string title, string? notice = null) =>
        new(title, Session, Service<IAntiforgery>().GetAndStoreTokens(Http).RequestToken ?? "", notice);

    /// <summary>Records a write's position in the session and answers with the page to see it on (303, read-your-writes).</summary>
    public IResult Wrote(WriteResult result, string page)
    {
        Session?.Wrote(result.Position);
        var separator = page.Contains('?') ? '&' : '?';
        return Pages.SeeOther($"{page}{separator}minPosition={result.Position}");
    }

    /// <summary>
    /// Waits, bounded, until the pages' read models have processed <c>minPosition</c> (or the session's last write):
    /// null when they have, else the page that says the change is recorded but not yet readable (503, as the API answers).
    /// </summary>
    public async Task<IResult?> CaughtUp()
    {
        var wanted = long.TryParse(Query("minPosition"), out var given) && given > 0 ? given : Session?.LastWrite ?? 0;
        if (wanted <= 0 || Session?.SeenThrough >= wanted) return null;
        var readiness = await Service<ProjectionProgress>().WaitFor(wanted, PagesReadFrom, ReadYourWritesBound, Aborted);
        if (readiness.Ready)
        {
            Session?.Saw(wanted);
            return null;
        }
        Http.Response.Headers.RetryAfter = "1";
        return Pages.Problem(Chrome("Not readable yet"), StatusCodes.Status503ServiceUnavailable,
            $"Your change is recorded, but {string.Join(", ", readiness.Behind)} have not caught up with it yet. Reload this page in a moment.");
    }
}

/// <summary>What every page's frame needs.</summary>
public sealed record Chrome(string Title, WorkspaceSession? User, string Antiforgery, string? Notice = null)
{
    public bool CanWrite => User?.May(Api.Security.Roles.Archivist) == true;
    public bool SeesThePast => User?.May(Api.Security.Roles.Auditor) == true;
}
