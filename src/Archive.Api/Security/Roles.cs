namespace Archive.Api.Security;

/// <summary>The roles an API key can carry, and the endpoint policies named after them.</summary>
public static class Roles
{
    public const string Archivist = "archivist";
    public const string Auditor = "auditor";
    public const string Reader = "reader";

    /// <summary>Not a role a request can hold: an entry with it marks a key as revoked (401, with that reason).</summary>
    public const string Revoked = "revoked";

    public static readonly IReadOnlyList<string> All = [Reader, Auditor, Archivist];

    /// <summary>The roles a policy admits: each role may do everything the roles below it may.</summary>
    public static string[] Admitted(string policy) => policy switch
    {
        Reader => [Reader, Auditor, Archivist],
        Auditor => [Auditor, Archivist],
        Archivist => [Archivist],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "not an access policy"),
    };

    public static bool Grants(string role, string policy) => Admitted(policy).Contains(role);
}
