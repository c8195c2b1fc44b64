using System.Diagnostics;
using Archive.Grains.Interfaces;

namespace Archive.Api.Http;

public static class Requests
{
    /// <summary>The principal and correlation id that every event caused by this request carries.</summary>
    public static WriteContext WriteContext(this HttpContext http) => new(
        http.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous",
        Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
}
