using System.Globalization;
using Archive.Api.Audit;
using Archive.Domain.Statements;
using Archive.Domain.Topics;
using Archive.Store.Events;

namespace Archive.Web.Statements;

/// <summary>One event of a statement's history as the page tells it: what, who, when, why, and what changed.</summary>
public sealed record HistoryItem(
    long Position, string Type, string What, string? Who, DateTimeOffset When, string? Why, IReadOnlyList<string> Details,
    IReadOnlyList<DiffPart>? QuoteDiff = null, string? Other = null);

/// <summary>Turns the statement's events (its speaker's, its filings, the links to it) into history items, in order.</summary>
public static class HistoryItems
{
    public static IReadOnlyList<HistoryItem> Of(string statementId, IEnumerable<HistoryEntry> entries)
    {
        var items = new List<HistoryItem>();
        string? quote = null;
        foreach (var entry in entries)
        {
            HistoryItem Item(string what, string? why, IReadOnlyList<string> details, IReadOnlyList<DiffPart>? diff = null, string? other = null) =>
                new(entry.Position, entry.Type, what, entry.Principal, entry.RecordedAt, why, details, diff, other);

            items.Add(EventRecords.ToEvent(entry) switch
            {
                StatementRecorded e => Recorded(e, ref quote, Item),
                StatementVerified e => Item("Verified", null, [$"method: {e.Method}", .. e.Note is null ? Array.Empty<string>() : [$"note: {e.Note}"]]),
                StatementAmended e => Amended(e, ref quote, Item),
                StatementDisputed e => Item("Disputed", e.Reason, []),
                StatementRetracted e => Item("Retracted", e.Reason, []),
                StatementReinstated e => Item("Reinstated", e.Reason, [$"returned to: {e.Status}"]),
                StatementLinked e when e.StatementId == statementId => Item($"Linked: {e.Relation}", null, [$"this statement {e.Relation} {e.TargetId}"], other: e.TargetId),
                StatementLinked e => Item($"Linked from another statement: {e.Relation}", null, [$"{e.StatementId} {e.Relation} this statement"], other: e.StatementId),
                StatementUnlinked e when e.StatementId == statementId => Item($"Link removed: {e.Relation}", e.Reason, [$"this statement no longer {e.Relation} {e.TargetId}"], other: e.TargetId),
                StatementUnlinked e => Item($"Link from another statement removed: {e.Relation}", e.Reason, [$"{e.StatementId} no longer {e.Relation} this statement"], other: e.StatementId),
                StatementFiled e => Item("Filed", null, [$"under the topic {e.TopicId}"]),
                StatementUnfiled e => Item("Unfiled", e.Reason, [$"from the topic {e.TopicId}"]),
                _ => Item(entry.Type, entry.Reason, []),
            });
        }
        return items;
    }

    private static HistoryItem Recorded(StatementRecorded e, ref string? quote, Func<string, string?, IReadOnlyList<string>, IReadOnlyList<DiffPart>?, string?, HistoryItem> item)
    {
        quote = e.Quote;
        var details = new List<string>
        {
            $"{e.QuoteKind} quote, said on {e.SaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"from {e.SourceId}, code points {e.Span.Start}–{e.Span.End}",
        };
        if (e.Occasion is { } occasion) details.Add($"occasion: {occasion}");
        if (e.Topics.Count > 0) details.Add($"topics: {string.Join(", ", e.Topics)}");
        if (e.CoSpeakers.Count > 0) details.Add($"co-speakers: {string.Join(", ", e.CoSpeakers)}");
        return item("Recorded", null, details, null, null);
    }

    private static HistoryItem Amended(StatementAmended e, ref string? quote, Func<string, string?, IReadOnlyList<string>, IReadOnlyList<DiffPart>?, string?, HistoryItem> item)
    {
        var c = e.Changes;
        var details = new List<string>();
        if (c.Span is { } span) details.Add($"span: code points {span.Start}–{span.End}");
        if (c.SaidOn is { } saidOn) details.Add($"said on: {saidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        if (c.Occasion is { } occasion) details.Add($"occasion: {occasion}");
        if (c.QuoteKind is { } kind) details.Add($"quote kind: {kind}");
        if (c.Language is { } language) details.Add($"language: {language}");
        IReadOnlyList<DiffPart>? diff = null;
        if (c.Quote is { } words)
        {
            diff = quote is null ? [new DiffPart("insert", words)] : WordDiff.Between(quote, words);
            quote = words;
        }
        return item("Amended", e.Reason, details, diff, null);
    }
}
