using Archive.Domain;
using Archive.Domain.Sources;
using Archive.Store.Events;
using Archive.Web.Shell;
using Npgsql;

namespace Archive.Web.Sources;

/// <summary>One event of a source's stream as its page tells it: what, who, when, why, and the description it gave.</summary>
public sealed record SourceHistoryItem(long Position, string Type, string What, string? Who, DateTimeOffset When, string? Why, IReadOnlyList<string> Details);

/// <summary>A source's registration and its corrections, from its own stream (the store's event reader, no SQL of ours).</summary>
public static class SourceHistory
{
    /// <summary>More corrections than any source gets; the list says when it stops short.</summary>
    public const int Limit = 500;

    public static async Task<IReadOnlyList<SourceHistoryItem>> Of(NpgsqlDataSource database, string schema, string sourceId, CancellationToken ct)
    {
        var entries = await EventRecords.OfStream(database, schema, StreamKeys.Source(sourceId), 0, Limit, ct);
        return entries.Select(entry => EventRecords.ToEvent(entry) switch
        {
            SourceRegistered e => new SourceHistoryItem(entry.Position, entry.Type, "Registered", entry.Principal, entry.RecordedAt, null,
                Described(e.Title, e.Outlet, e.Url, e.PublishedOn, e.Language)),
            SourceCorrected e => new SourceHistoryItem(entry.Position, entry.Type, "Corrected", entry.Principal, entry.RecordedAt, e.Reason,
                Described(e.Title, e.Outlet, e.Url, e.PublishedOn, e.Language)),
            _ => new SourceHistoryItem(entry.Position, entry.Type, entry.Type, entry.Principal, entry.RecordedAt, entry.Reason, []),
        }).ToList();
    }

    private static IReadOnlyList<string> Described(string? title, string? outlet, string? url, DateOnly? publishedOn, string? language)
    {
        var details = new List<string>();
        if (title is not null) details.Add($"title: {title}");
        if (outlet is not null) details.Add($"outlet: {outlet}");
        if (url is not null) details.Add($"address: {url}");
        if (publishedOn is not null) details.Add($"published on: {Dates.Day(publishedOn)}");
        if (language is not null) details.Add($"language: {language}");
        return details;
    }
}
