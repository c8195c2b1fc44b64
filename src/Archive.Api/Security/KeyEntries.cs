using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Api.Security;

/// <summary>
/// Reads keys from the appsettings section <c>ArchiveKeys</c> (an array of entries), the file named by
/// <c>ARCHIVE_KEYS_FILE</c> (one entry a line, <c>#</c> comments) and <c>ARCHIVE_KEYS</c> (entries separated by
/// <c>;</c>). An entry is <c>role:name:secret</c> or <c>role:name:sha256:&lt;64 hex digits&gt;</c>; the role
/// <c>revoked</c> revokes the key with that secret or hash wherever else it is listed.
/// </summary>
public static partial class KeyEntries
{
    public const string Section = "ArchiveKeys";
    public const int MinimumSecretLength = 16;

    public static List<ApiKey> FromConfiguration(IConfiguration configuration)
    {
        var entries = new List<(string Where, string Text)>();
        var section = configuration.GetSection(Section).GetChildren().ToList();
        entries.AddRange(section.Select(child => ($"{Section}:{child.Key}", child.Value ?? "")));
        if (configuration["ARCHIVE_KEYS_FILE"] is { Length: > 0 } file)
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"ARCHIVE_KEYS_FILE names '{file}', which does not exist.");
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].Trim() is { Length: > 0 } line && !line.StartsWith('#')) entries.Add(($"ARCHIVE_KEYS_FILE {file} line {i + 1}", line));
        }
        if (configuration["ARCHIVE_KEYS"] is { Length: > 0 } variable)
        {
            var parts = variable.Split(';');
            for (var i = 0; i < parts.Length; i++)
                if (parts[i].Trim() is { Length: > 0 } part) entries.Add(($"ARCHIVE_KEYS entry {i + 1}", part));
        }
        var keys = entries.Select(e => Parse(e.Text, e.Where)).ToList();
        CheckUniqueNames(keys);
        return keys;
    }

    /// <summary>Parses one entry; a malformed one stops start-up naming where it is, never echoing a secret.</summary>
    public static ApiKey Parse(string entry, string where)
    {
        var parts = entry.Trim().Split(':', 3);
        if (parts.Length < 3)
            throw Malformed(where, null, "expected role:name:secret or role:name:sha256:<64 hex digits>");
        var (role, name, rest) = (parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
        var label = LowerWord().IsMatch(role) && ValidName().IsMatch(name) ? $"{role}:{name}" : null;
        if (role != Roles.Revoked && !Roles.All.Contains(role))
            throw Malformed(where, null, $"the role must be one of {string.Join(", ", Roles.All)} or {Roles.Revoked}");
        if (!ValidName().IsMatch(name))
            throw Malformed(where, null, "the name must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        if (rest.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            var hex = rest["sha256:".Length..];
            if (!Sha256Hex().IsMatch(hex)) throw Malformed(where, label, "a sha256: hash must be 64 hexadecimal digits");
            return new ApiKey(role, name, Convert.FromHexString(hex));
        }
        if (rest.Length < MinimumSecretLength)
            throw Malformed(where, label, $"the secret must be at least {MinimumSecretLength} characters");
        if (rest.Any(char.IsWhiteSpace)) throw Malformed(where, label, "the secret must not contain whitespace");
        return new ApiKey(role, name, ApiKey.HashOf(rest));
    }

    /// <summary>The principal's name goes into every event it causes, so two live keys may not share one.</summary>
    private static void CheckUniqueNames(List<ApiKey> keys)
    {
        var live = keys.Where(k => !k.Revoked).ToList();
        foreach (var group in live.GroupBy(k => k.Name).Where(g => g.Select(k => Convert.ToHexString(k.Hash)).Distinct().Count() > 1))
            throw new InvalidOperationException(
                $"API keys: the name '{group.Key}' is given to {group.Count()} different keys; each key needs a name of its own (it is recorded in every event it causes).");
        foreach (var group in live.GroupBy(k => Convert.ToHexString(k.Hash)).Where(g => g.Select(k => k.Role).Distinct().Count() > 1))
            throw new InvalidOperationException(
                $"API keys: one secret is listed with different roles ({string.Join(", ", group.Select(k => $"{k.Role}:{k.Name}"))}).");
    }

    private static InvalidOperationException Malformed(string where, string? label, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"API keys: {where}{(label is null ? "" : $" ({label}:…)")} is malformed: {reason}."));

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex LowerWord();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex ValidName();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex Sha256Hex();
}
