using System.Security.Cryptography;
using System.Text;

namespace Archive.Domain.Statements;

/// <summary>Statement ids are derived from speaker, source and span, so recording the same statement again finds it.</summary>
public static class StatementIds
{
    public static string For(string actorId, string sourceId, TextSpan span)
    {
        var key = $"{actorId}\n{sourceId}\n{span.Start}\n{span.End}";
        return "st-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 23 } && id.StartsWith("st-", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);
}
