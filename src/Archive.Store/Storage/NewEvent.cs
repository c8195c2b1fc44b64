using System.Text.RegularExpressions;

namespace Archive.Store.Storage;

/// <summary>
/// A domain event on its way to the store, with the principal and correlation id of the request that caused it, and
/// any further metadata headers the caller asked for (stored beside <c>principal</c> and <c>hash</c>).
/// </summary>
public sealed partial record NewEvent(object Data, string Principal, string? CorrelationId = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public const int MaxHeaders = 16;
    public const int MaxHeaderValue = 500;

    /// <summary>Headers the archive itself writes: a caller's header may never replace them.</summary>
    public static readonly IReadOnlySet<string> ReservedHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ArchiveStore.PrincipalHeader, global::Archive.Audit.EventHash.Header,
    };

    /// <summary>Why these caller headers cannot be stored, or null when they can.</summary>
    public static string? HeadersProblem(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null) return null;
        if (headers.Count > MaxHeaders) return $"at most {MaxHeaders} headers";
        foreach (var (name, value) in headers)
        {
            if (name is null || !HeaderName().IsMatch(name)) return $"'{name}' is not a header name (lowercase words joined by hyphens)";
            if (ReservedHeaders.Contains(name)) return $"'{name}' is written by the archive itself";
            if (value is null || value.Length > MaxHeaderValue) return $"the value of '{name}' must be 0 to {MaxHeaderValue} characters";
        }
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex HeaderName();
}
