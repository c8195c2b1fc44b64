using System.Security.Cryptography;
using System.Text;
using Archive.Domain.Sources;

namespace Archive.Domain.Statements;

/// <summary>
/// Short hashes that let a speaker's state recognise a repeated command without keeping what it repeats: the quote,
/// the occasion, a verification, a whole recording. 72 bits: two different values pass for one with a chance of
/// about one in 10^21, and a state of 100k statements keeps 1.2 MB less per kilobyte of quote it no longer holds.
/// </summary>
public static class Fingerprints
{
    /// <summary>The fingerprint of these values in this order; null and empty differ.</summary>
    public static string Of(params string?[] parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts) text.Append(part is null ? "~;" : $"{part.Length}:{part};");
        // base64url: '+' would be written as \u002B in JSON.
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 9)).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Null for null, so "no occasion" stays recognisable.</summary>
    public static string? OfOptional(string? value) => value is null ? null : Of(value);

    /// <summary>
    /// What makes two recordings of one span the same recording: the quote under the archive's normalisation, the kind,
    /// said-on, occasion and language, and the topics and co-speakers in any order.
    /// </summary>
    public static string Recording(StatementRecorded e) => Of([
        QuoteFolding.Fold(e.Quote), e.QuoteKind, e.SaidOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Occasion, e.Language,
        string.Join(",", e.Topics.Order(StringComparer.Ordinal)), string.Join(",", e.CoSpeakers.Order(StringComparer.Ordinal))]);

    public static string Verification(string method, string? note) => Of(method, note);
}
