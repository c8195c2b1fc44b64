using Archive.Web.Audit;
using Archive.Web.Actors;
using Archive.Web.Find;
using Archive.Web.Sessions;
using Archive.Web.Shell;
using Archive.Web.Sources;
using Archive.Web.Statements;
using Archive.Web.Topics;

namespace Archive.Web;

/// <summary>
/// The workspace in one call for a host that already serves the API (<c>builder.AddArchiveWorkspace()</c>): the
/// same key ring, roles, rate limits, grains and read models, behind a browser session of its own.
/// </summary>
public static class WorkspaceHosting
{
    public static WebApplicationBuilder AddArchiveWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkspaceSessions>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "archive-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = AntiforgeryField.Name;
        });
        var routes = new WorkspaceRoutes();
        SignInPages.Map(routes);
        SourcePages.Map(routes);
        RecordPages.Map(routes);
        StatementPages.Map(routes);
        AuditPages.Map(routes);
        SearchPages.Map(routes);
        ActorPages.Map(routes);
        TopicPages.Map(routes);
        builder.Services.AddSingleton(routes);
        builder.Services.AddSingleton<IStartupFilter, WorkspaceStartup>();
        return builder;
    }

    /// <summary>
    /// Puts the workspace ahead of everything the host's <c>Configure</c> adds: the API's authentication, Bearer
    /// fallback policy and ProblemDetails never see a workspace page, and the API's route table holds only the API.
    /// </summary>
    private sealed class WorkspaceStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<WorkspaceMiddleware>();
            next(app);
        };
    }
}
