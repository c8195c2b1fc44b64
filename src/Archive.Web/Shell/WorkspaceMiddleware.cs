using System.Globalization;
using System.Threading.RateLimiting;
using Archive.Api.Http;
using Archive.Web.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Archive.Web.Shell;

/// <summary>
/// The workspace's pipeline: security headers, the session, the API's rate limits, the route's role, the antiforgery
/// token of every form, then the page. It runs ahead of the API's pipeline and passes on every path it does not own.
/// </summary>
public sealed class WorkspaceMiddleware(
    RequestDelegate next, WorkspaceRoutes routes, WorkspaceSessions sessions, IAntiforgery antiforgery,
    IOptions<RateLimiterOptions> limits, ILogger<WorkspaceMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!WorkspaceRoutes.Owns(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/assets"))
        {
            SecurityHeaders.Apply(http.Response, cacheable: true);
            if (!await WebAssets.TryServe(http)) http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        SecurityHeaders.Apply(http.Response, cacheable: false);
        var session = sessions.Find(http);
        if (session is not null) http.User = session.Principal();
        var values = new RouteValueDictionary();
        var request = new WorkspaceRequest(http, values, session);

        // The same buckets as the API's: a key's pages and its API calls share one limit.
        using var lease = limits.Value.GlobalLimiter is { } limiter ? await limiter.AcquireAsync(http, 1, http.RequestAborted) : null;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        bound.CancelAfter(Unavailability.RequestBound);
        var aborted = http.RequestAborted;
        http.RequestAborted = bound.Token;
        try
        {
            var result = lease is { IsAcquired: false } ? TooMany(request, lease) : await Answer(request, values);
            await result.ExecuteAsync(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !aborted.IsCancellationRequested)
        {
            var dependency = Unavailability.DependencyOf(e) ?? (bound.IsCancellationRequested ? "request" : null);
            if (dependency is null) log.LogError(e, "The workspace page {Path} failed", http.Request.Path);
            http.Response.Clear();
            SecurityHeaders.Apply(http.Response, cacheable: false);
            var status = dependency is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable;
            if (dependency is not null) http.Response.Headers.RetryAfter = Unavailability.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            var message = dependency switch
            {
                null => $"Something went wrong on the archive's side (trace {http.TraceIdentifier}). Nothing you sent was lost: try again.",
                "request" => "The archive did not answer in time. Try again in a moment.",
                _ => $"The archive's {(dependency == "silo" ? "cluster" : "database")} is not reachable just now. Try again in a moment.",
            };
            await Pages.Problem(new Chrome("Not available", session, ""), status, message).ExecuteAsync(http);
        }
        finally
        {
            http.RequestAborted = aborted;
        }
    }

    private async Task<IResult> Answer(WorkspaceRequest request, RouteValueDictionary values)
    {
        var http = request.Http;
        var route = routes.Match(http.Request, values, out var allowed);
        if (route is null)
        {
            if (allowed.Count == 0) return Pages.NotFound(request.Chrome("Not found"), "There is no page at this address.");
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return Pages.Problem(request.Chrome("Not allowed"), StatusCodes.Status405MethodNotAllowed, "This address does not take that kind of request.");
        }
        if (route.Policy is { } policy)
        {
            if (request.Session is null) return SignInFirst(http);
            // The server decides, whatever the page showed: a form post needs the role as much as the page does.
            if (!request.Session.May(policy))
                return Pages.Problem(request.Chrome("Not allowed"), StatusCodes.Status403Forbidden,
                    $"The key '{request.Session.Name}' has the {request.Session.Role} role; this needs the {string.Join(" or ", Api.Security.Roles.Admitted(policy))} role.");
        }
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                return Pages.Problem(request.Chrome("Form refused"), StatusCodes.Status400BadRequest,
                    "The form was refused: it did not carry this page's antiforgery token. Open the page again and send the form from it.");
            request.Form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        return await route.Handler(request);
    }

    private static IResult SignInFirst(HttpContext http)
    {
        var back = HttpMethods.IsGet(http.Request.Method) ? (http.Request.Path + http.Request.QueryString).ToString() : "/sources";
        return Pages.SeeOther($"/sign-in?returnUrl={Uri.EscapeDataString(back)}");
    }

    private static IResult TooMany(WorkspaceRequest request, RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        request.Http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Pages.Problem(request.Chrome("Too many requests"), StatusCodes.Status429TooManyRequests,
            $"Too many requests for this key just now (the same limit as the API's). Try again in {seconds} s.");
    }
}
