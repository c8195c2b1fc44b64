using Archive.Api.Security;
using Microsoft.AspNetCore.Routing.Template;

namespace Archive.Web.Shell;

/// <summary>Who may open a page or send a form: anyone, or a signed-in key with at least this role.</summary>
public enum Access
{
    Anyone,
    Reader,
    Auditor,
    Archivist,
}

public delegate Task<IResult> PageHandler(WorkspaceRequest request);

public sealed record WorkspaceRoute(string Method, string Template, Access Access, PageHandler Handler)
{
    public TemplateMatcher Matcher { get; } = new(TemplateParser.Parse(Template), new RouteValueDictionary());

    public string? Policy => Access switch
    {
        Access.Reader => Roles.Reader,
        Access.Auditor => Roles.Auditor,
        Access.Archivist => Roles.Archivist,
        _ => null,
    };
}

/// <summary>
/// The workspace's own small route table. The workspace is a branch of the pipeline ahead of the API's, so the API's
/// route table, OpenAPI document, Bearer fallback policy and ProblemDetails stay exactly the API's own.
/// </summary>
public sealed class WorkspaceRoutes
{
    /// <summary>The paths the workspace answers (and answers 404 under); everything else goes on to the API.</summary>
    private static readonly string[] Prefixes = ["/sign-in", "/sign-out", "/sources", "/statements", "/speakers", "/assets", "/search", "/actors", "/topics", "/audit"];

    private readonly List<WorkspaceRoute> _routes = [];

    public IReadOnlyList<WorkspaceRoute> All => _routes;

    public static bool Owns(PathString path) => path == "/" || Prefixes.Any(p => path.StartsWithSegments(p));

    public WorkspaceRoutes Get(string template, Access access, PageHandler handler) => Add("GET", template, access, handler);

    public WorkspaceRoutes Post(string template, Access access, PageHandler handler) => Add("POST", template, access, handler);

    /// <summary>
    /// The first route, in the order they were added, that matches the request; a path that matches only with another
    /// method is named in <paramref name="allowed"/>.
    /// </summary>
    public WorkspaceRoute? Match(HttpRequest request, RouteValueDictionary values, out IReadOnlyList<string> allowed)
    {
        var methods = new List<string>();
        foreach (var route in _routes)
        {
            var candidate = new RouteValueDictionary();
            if (!route.Matcher.TryMatch(request.Path, candidate)) continue;
            var method = HttpMethods.IsHead(request.Method) ? "GET" : request.Method;
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                methods.Add(route.Method);
                continue;
            }
            foreach (var (key, value) in candidate) values[key] = value;
            allowed = [];
            return route;
        }
        allowed = methods;
        return null;
    }

    private WorkspaceRoutes Add(string method, string template, Access access, PageHandler handler)
    {
        _routes.Add(new WorkspaceRoute(method, template, access, handler));
        return this;
    }
}
