using System.Globalization;
using Archive.Domain.Statements;
using Archive.Store.Statements;
using Archive.Web.Shell;
using Archive.Web.Statements;

namespace Archive.Web.Find;

/// <summary>
/// The search form's fields as the query string carries them: the page's address is the search, so it can be shared,
/// bookmarked and paged. Values are kept as typed, to show them again beside their reasons when they are refused.
/// </summary>
public sealed record SearchForm(
    string? Q = null, string? Actor = null, string? Topic = null, string? Status = null, string? QuoteKind = null,
    string? SaidFrom = null, string? SaidTo = null, string? RecordedFrom = null, string? RecordedTo = null, string? AsOf = null,
    string? Limit = null)
{
    public const int PageSize = 25;

    public static readonly IReadOnlyList<string> Statuses =
        [StatementStatus.Recorded, StatementStatus.Verified, StatementStatus.Disputed, StatementStatus.Retracted];

    /// <summary>The fields by name, in the order the form shows them (the page's address lists them in this order).</summary>
    public static readonly string[] Names =
        ["q", "actor", "topic", "status", "quoteKind", "saidFrom", "saidTo", "recordedFrom", "recordedTo", "asOf", "limit"];

    public static SearchForm From(WorkspaceRequest request) => new(
        request.Query("q"), request.Query("actor"), request.Query("topic"), request.Query("status"), request.Query("quoteKind"),
        request.Query("saidFrom"), request.Query("saidTo"), request.Query("recordedFrom"), request.Query("recordedTo"), request.Query("asOf"),
        request.Query("limit"));

    public string? this[string name] => name switch
    {
        "q" => Q, "actor" => Actor, "topic" => Topic, "status" => Status, "quoteKind" => QuoteKind,
        "saidFrom" => SaidFrom, "saidTo" => SaidTo, "recordedFrom" => RecordedFrom, "recordedTo" => RecordedTo, "asOf" => AsOf,
        "limit" => Limit, _ => null,
    };

    public bool IsEmpty => Names.All(n => this[n] is null);

    /// <summary>This search's address, at the page after <paramref name="cursor"/> when one is given.</summary>
    public string Url(string? cursor = null)
    {
        var parts = Names.Where(n => this[n] is not null).Select(n => $"{n}={Uri.EscapeDataString(this[n]!)}").ToList();
        if (cursor is not null) parts.Add($"cursor={Uri.EscapeDataString(cursor)}");
        return parts.Count == 0 ? "/search" : "/search?" + string.Join('&', parts);
    }

    /// <summary>The value of a date and time field: a link may carry an instant with an offset; the field shows it in UTC.</summary>
    public static string? FieldValue(string? instant) =>
        instant is not null && StatementPages.ParseInstant(instant) is { } at
            ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : instant;

    /// <summary>The checks the store cannot make: dates and instants, their order, the page size. Every bad field is named.</summary>
    public (DateOnly? SaidFrom, DateOnly? SaidTo, DateTimeOffset? RecordedFrom, DateTimeOffset? RecordedTo, DateTimeOffset? AsOf, int Limit) Parse(FieldErrors errors)
    {
        DateOnly? Day(string field, string? value)
        {
            if (value is null) return null;
            if (Dates.ParseDay(value) is { } day) return day;
            errors.Add(field, $"must be a date such as 2026-03-12; got '{value}'");
            return null;
        }
        DateTimeOffset? Instant(string field, string? value)
        {
            if (value is null) return null;
            if (StatementPages.ParseInstant(value) is { } at) return at;
            errors.Add(field, $"must be a date and time such as 2026-03-12T09:30 (UTC); got '{value}'");
            return null;
        }
        var saidFrom = Day("saidFrom", SaidFrom);
        var saidTo = Day("saidTo", SaidTo);
        var recordedFrom = Instant("recordedFrom", RecordedFrom);
        var recordedTo = Instant("recordedTo", RecordedTo);
        var asOf = Instant("asOf", AsOf);
        if (Status is not null && !Statuses.Contains(Status)) errors.Add("status", $"must be one of {string.Join(", ", Statuses)}; got '{Status}'");
        if (QuoteKind is not null && !QuoteKinds.All.Contains(QuoteKind)) errors.Add("quoteKind", $"must be one of {string.Join(", ", QuoteKinds.All)}; got '{QuoteKind}'");
        if (saidFrom > saidTo) errors.Add("saidTo", "must not be before “Said from”");
        if (recordedFrom >= recordedTo) errors.Add("recordedTo", "must be after “Recorded from”");
        var limit = PageSize;
        if (Limit is not null && (!int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > StatementQueries.MaxLimit))
        {
            errors.Add("limit", $"must be a whole number from 1 to {StatementQueries.MaxLimit}; got '{Limit}'");
            limit = PageSize;
        }
        return (saidFrom, saidTo, recordedFrom, recordedTo, asOf, limit);
    }
}
