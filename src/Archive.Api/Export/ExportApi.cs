using System.Text;
using System.Text.Json;
using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Store;
using Archive.Store.Export;
using Npgsql;

namespace Archive.Api.Export;

/// <summary>
/// Every statement for other tools: NDJSON-LD (one schema.org Quotation or Claim with its Web Annotation target a
/// line) and CSV (one row a statement). Both stream in pages, in source and id order.
/// </summary>
public static class ExportApi
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/export").WithTags("Export");
        group.MapGet("/statements.jsonld", JsonLd).WithName("ExportStatementsJsonLd")
            .WithSummary("Every statement as schema.org JSON-LD with a Web Annotation target, one document a line (NDJSON)")
            .Produces(StatusCodes.Status200OK, contentType: NdjsonMediaType).ProducesProblems(503).ForReaders();
        group.MapGet("/statements.csv", Csv).WithName("ExportStatementsCsv")
            .WithSummary("Every statement as one CSV row (RFC 4180, with a header row)")
            .Produces(StatusCodes.Status200OK, contentType: StatementCsv.MediaType).ProducesProblems(503).ForReaders();
        return app;
    }

    private static async Task JsonLd(HttpContext http, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct)
    {
        var directory = await StatementExport.Directory(database, settings.Schema, ct);
        Start(http, NdjsonMediaType, "statements.jsonld");
        var baseUrl = BaseUrl(http.Request);
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var count = 0;
        await foreach (var exported in StatementExport.All(database, settings.Schema, ct))
        {
            await writer.WriteLineAsync(StatementJsonLd.Of(exported.Statement, exported.Source, directory, baseUrl).ToJsonString(Compact));
            if (++count % StatementExport.PageSize == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    private static async Task Csv(HttpContext http, NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct)
    {
        var directory = await StatementExport.Directory(database, settings.Schema, ct);
        Start(http, $"{StatementCsv.MediaType}; charset=utf-8; header=present", "statements.csv");
        await using var csv = StatementCsv.Writer(http.Response.Body);
        await StatementCsv.WriteHeader(csv, ct);
        await foreach (var exported in StatementExport.All(database, settings.Schema, ct)) await StatementCsv.WriteRow(csv, exported, directory, ct);
        await csv.FlushAsync(ct);
    }

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Start(HttpContext http, string contentType, string fileName)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }

    /// <summary>The archive's address as this request reached it: the base of the ids in the documents.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
