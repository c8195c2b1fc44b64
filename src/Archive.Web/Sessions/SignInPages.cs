using Archive.Web.Shell;

namespace Archive.Web.Sessions;

public sealed record SignInModel(Chrome Chrome, string ReturnUrl, FieldErrors Errors);

/// <summary>Sign-in with one of the archive's API keys, and sign-out; the start page sends a signed-in key to the sources.</summary>
public static class SignInPages
{
    public static void Map(WorkspaceRoutes routes) => routes
        .Get("", Access.Reader, _ => Task.FromResult(Pages.SeeOther("/sources")))
        .Get("sign-in", Access.Anyone, Form)
        .Post("sign-in", Access.Anyone, SignIn)
        .Post("sign-out", Access.Anyone, SignOut);

    private static Task<IResult> Form(WorkspaceRequest request) =>
        Task.FromResult(Pages.Html<SignInPage>(new SignInModel(request.Chrome("Sign in"), Local(request.Query("returnUrl")), FieldErrors.None)));

    private static Task<IResult> SignIn(WorkspaceRequest request)
    {
        var (session, refusal) = request.Service<WorkspaceSessions>().SignIn(request.Http, request.Field("key"));
        var back = Local(request.Field("returnUrl"));
        if (session is null)
        {
            var errors = new FieldErrors().Add("key", refusal!);
            request.Http.Response.Headers.WWWAuthenticate = $"{WorkspaceSessions.Scheme} realm=\"statement-archive\"";
            return Task.FromResult(Pages.Html<SignInPage>(new SignInModel(request.Chrome("Sign in"), back, errors), StatusCodes.Status401Unauthorized));
        }
        return Task.FromResult(Pages.SeeOther(back));
    }

    private static Task<IResult> SignOut(WorkspaceRequest request)
    {
        request.Service<WorkspaceSessions>().End(request.Http);
        return Task.FromResult(Pages.SeeOther("/sign-in"));
    }

    /// <summary>Only a path of this site: never another origin ("//host", "/\host", "https://…").</summary>
    public static string Local(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' && !url.Any(char.IsControl) ? url : "/sources";
}
