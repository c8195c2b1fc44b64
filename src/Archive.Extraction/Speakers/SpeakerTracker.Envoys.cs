using System.Text.RegularExpressions;

namespace Archive.Extraction.Speakers;

internal sealed partial class SpeakerTracker
{
    /// <summary>
    /// An office holder of a country the archive knows no holder in speaks for that country's government, however the
    /// text names the country: "the Kestrian ambassador" (its adjective), "Drevnia's ambassador", "the Ambassador of
    /// Drevnia". A bare "the ambassador" after the text has named the ambassador of exactly one country is that one.
    /// </summary>
    private Speaker? GovernmentForHolder(string mention, string role, DateOnly? on, IReadOnlySet<string>? countries)
    {
        // Only "Drevnia's ambassador" and "the ambassador of Drevnia" name the holder's own country; "the Valdorian
        // ambassador to Kestria" names where the holder serves.
        if (countries is not null && !OfCountry(mention, role)) return null;
        // A bare "the prime minister" in an official's words is their own; only an envoy is known by the country
        // that sent them.
        countries ??= Bare(mention, role) && Envoy().IsMatch(role) ? CountriesGivenTheRole(role) : null;
        if (countries is not { Count: 1 }) return null;
        var country = countries.First();
        if (index.ByRole(role, on).Any(a => a.Country == country)) return null;
        // It stays a person to the pronouns that follow ("The ambassador expressed his regret. He told us …").
        return GovernmentOfCountry(country) is { } government ? new Speaker(government.Id, mention, true, []) : null;
    }

    private static bool OfCountry(string mention, string role)
    {
        var titles = Regex.Escape(role).Replace("\\ ", "\\s+");
        return Regex.IsMatch(mention.Trim(), $@"^(?:[Tt]he\s+)?\p{{Lu}}[\w'’-]+['’]s\s+(?i:{titles})$|^(?:[Tt]he\s+)?(?i:{titles})\s+of\s+(?:the\s+)?\p{{Lu}}[\w'’-]+$");
    }

    [GeneratedRegex(@"^(?:ambassador|envoy|consul)$")]
    private static partial Regex Envoy();

    private static bool Bare(string mention, string role) =>
        string.Equals(Regex.Replace(mention.Trim(), @"^(?:the|The)\s+", ""), role, StringComparison.OrdinalIgnoreCase);

    private IReadOnlySet<string>? CountriesGivenTheRole(string role)
    {
        if (text is null) return null;
        if (rolesCountries.TryGetValue(role, out var known)) return known;
        var titles = Regex.Escape(role).Replace("\\ ", "\\s+");
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(text, $@"(?i:\b{titles})\s+(?:of|from)\s+(?:the\s+)?(?<c>\p{{Lu}}[\w'’-]+)|(?<c>\p{{Lu}}[\w'’-]+)(?:['’]s)?\s+(?i:{titles})\b"))
        {
            var named = m.Groups["c"].Value;
            var actor = index.ByDemonym(named) ?? index.Match(named);
            if (actor is not null && !ActorIndex.IsPerson(actor) && actor.Country is { } c) countries.Add(c);
        }
        rolesCountries[role] = countries;
        return countries;
    }

    private readonly Dictionary<string, IReadOnlySet<string>> rolesCountries = new(StringComparer.Ordinal);
}
