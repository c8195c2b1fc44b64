using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Orleans.Configuration;

namespace Archive.Api.Http;

/// <summary>
/// What a client sees while PostgreSQL or the silos are away: a 503 ProblemDetails with <c>Retry-After</c> that names
/// the dependency, never a 500 and never a request that hangs. Every write is idempotent, so "try again" is safe.
/// </summary>
public static class Unavailability
{
    /// <summary>The longest a grain call may take before the API gives up on it (Orleans' default is 30 s).</summary>
    public static readonly TimeSpan GrainCallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The longest any request runs, besides the time a long poll (<c>wait=</c>) asked for.</summary>
    public static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(15);

    public const int RetryAfterSeconds = 2;

    public static WebApplicationBuilder AddArchiveUnavailability(this WebApplicationBuilder builder)
    {
        builder.Services.AddExceptionHandler<UnavailableHandler>();
        // The API's grain calls through the cluster client of an API node (a co-hosting host bounds its silo's runtime too).
        builder.Services.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = GrainCallTimeout);
        return builder;
    }

    /// <summary>
    /// Cancels a request's token when it has run past the bound and answers 503 if nothing was sent yet; reads and the
    /// database driver observe the token, grain calls are bounded by <see cref="GrainCallTimeout"/>.
    /// </summary>
    public static WebApplication UseRequestBound(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var bound = RequestBound;
            // A change-feed long poll legitimately waits up to 30 s before it answers.
            if (int.TryParse(http.Request.Query["wait"], out var wait) && wait is > 0 and <= 30) bound += TimeSpan.FromSeconds(wait);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(bound);
            var original = http.RequestAborted;
            http.RequestAborted = timeout.Token;
            try
            {
                await next(http);
            }
            catch (Exception e) when (timeout.IsCancellationRequested && !original.IsCancellationRequested && !http.Response.HasStarted
                                      && e is OperationCanceledException or NpgsqlException)
            {
                await Write(http, "request", $"the request did not complete within {bound.TotalSeconds:0} s");
            }
            finally
            {
                http.RequestAborted = original;
            }
        });
        return app;
    }

    /// <summary>The dependency a failure says is away, or null when the failure is something else (a bug: 500).</summary>
    public static string? DependencyOf(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when IsTransient(pg.SqlState):
                    return "database";
                case PostgresException:
                    return null; // a constraint, a syntax error: not something a retry fixes
                case NpgsqlException:
                case SocketException:
                    return "database";
                case SiloUnavailableException:
                case OrleansMessageRejectionException:
                case TimeoutException:
                // The grains report refusals as results and throw nothing of their own, so any other exception of the
                // Orleans runtime (placement or directory lookups while membership changes) is the cluster recovering.
                case OrleansException:
                    return "silo";
            }
            // Exceptions the silo could not send as themselves arrive as a fallback that keeps the type's name.
            var name = e.GetType().FullName ?? "";
            if (name.StartsWith("Orleans.", StringComparison.Ordinal) && name.Contains("Gateway", StringComparison.Ordinal)) return "silo";
            if (e.Message.Contains("Npgsql.", StringComparison.Ordinal) && !e.Message.Contains("PostgresException", StringComparison.Ordinal)) return "database";
        }
        return null;
    }

    /// <summary>Connection failures (08), the server shutting down or starting (57P), and lack of resources (53).</summary>
    private static bool IsTransient(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal) || state == PostgresErrorCodes.SerializationFailure
        || state == PostgresErrorCodes.DeadlockDetected;

    public static async Task Write(HttpContext http, string field, string reason)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Unavailable("The archive is temporarily unavailable.", field, reason,
            $"{field}: {reason}; retry the request (writes are idempotent)").ExecuteAsync(http);
    }
}

/// <summary>Maps a database or silo outage that reached an endpoint to 503 + Retry-After.</summary>
public sealed class UnavailableHandler(ILogger<UnavailableHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted || Unavailability.DependencyOf(exception) is not { } dependency) return false;
        log.LogWarning("{Method} {Path}: {Dependency} unavailable ({Error})", context.Request.Method, context.Request.Path, dependency, exception.Message);
        var reason = dependency == "database" ? "PostgreSQL did not answer" : "no silo answered in time";
        await Unavailability.Write(context, dependency, reason);
        return true;
    }
}
