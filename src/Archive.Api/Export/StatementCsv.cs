using System.Globalization;
using CsvHelper;
using Archive.Store.Export;

namespace Archive.Api.Export;

/// <summary>
/// One row per statement for spreadsheets, RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or
/// line break). Values are the archive's own characters: nothing is altered to defuse spreadsheet formulas, so a quote
/// that starts with '=' is the source's text and must be opened as text.
/// </summary>
public static class StatementCsv
{
    public const string MediaType = "text/csv";

    /// <summary>The columns, in order; lists (co-speakers, topics) are joined with ';', which ids never contain.</summary>
    public static readonly string[] Columns =
    [
        "id", "status", "actorId", "actorName", "coSpeakers", "quoteKind", "quote", "saidOn", "occasion", "topics", "language",
        "sourceId", "sourceTitle", "sourceOutlet", "sourceUrl", "sourcePublishedOn", "sourceSha256", "spanStart", "spanEnd",
        "revision", "recordedAt", "recordedBy",
    ];

    /// <summary>A writer of RFC 4180 UTF-8 (the library's defaults: CRLF, quotes only where needed, formulas not rewritten).</summary>
    public static CsvWriter Writer(Stream output) => CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);

    public static ValueTask WriteHeader(CsvWriter csv, CancellationToken ct) => csv.WriteRecordAsync(Columns, ct);

    public static ValueTask WriteRow(CsvWriter csv, ExportedStatement exported, ExportDirectory directory, CancellationToken ct)
    {
        var (s, source) = (exported.Statement, exported.Source);
        string[] fields =
        [
            s.Id, s.Status, s.ActorId, directory.Actors.GetValueOrDefault(s.ActorId)?.Name ?? "", string.Join(';', s.CoSpeakers), s.QuoteKind, s.Quote,
            s.SaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Occasion ?? "", string.Join(';', s.Topics), s.Language,
            source.Id, source.Title, source.Outlet ?? "", source.Url ?? "", source.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            source.TextHash, s.Span.Start.ToString(CultureInfo.InvariantCulture), s.Span.End.ToString(CultureInfo.InvariantCulture),
            s.Revision.ToString(CultureInfo.InvariantCulture), s.RecordedAt.ToString("O", CultureInfo.InvariantCulture), s.RecordedBy,
        ];
        return csv.WriteRecordAsync(fields, ct);
    }
}
