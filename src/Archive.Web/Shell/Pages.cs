using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Archive.Web.Shell;

/// <summary>The answers a workspace handler gives: a rendered page, a redirect after a form, a page that says no.</summary>
public static class Pages
{
    /// <summary>Renders <typeparamref name="TPage"/> with <paramref name="model"/> as its <c>Model</c> parameter.</summary>
    public static IResult Html<TPage>(object model, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new HtmlPage<TPage>(model, status);

    /// <summary>303: after a form, the browser asks for the page with GET, so a reload never sends the form again.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    public static IResult Problem(Chrome chrome, int status, string message) =>
        Html<ProblemPage>(new ProblemModel(chrome, status, message), status);

    public static IResult NotFound(Chrome chrome, string message) => Problem(chrome, StatusCodes.Status404NotFound, message);

    private sealed class HtmlPage<TPage>(object model, int status) : IResult where TPage : IComponent
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var services = http.RequestServices;
            // The renderer encodes every text and attribute value: a stored string can never become markup.
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }));
                return output.ToHtmlString();
            });
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(html, http.RequestAborted);
        }
    }

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}

public sealed record ProblemModel(Chrome Chrome, int Status, string Message);
