using System.Globalization;
using Archive.Audit;
using Archive.Audit.Bundles;
using Archive.Domain.Statements;
using Archive.Store;
using Archive.Store.Actors;
using Archive.Store.Audit;
using Archive.Store.Statements;
using Archive.Store.Storage;
using Archive.Web.Shell;
using Marten;
using Npgsql;

namespace Archive.Web.Audit;

public sealed record AuditModel(Chrome Chrome, VerificationReport Report, DateTimeOffset CheckedAt, IReadOnlyList<SealRow> Seals,
    string? NextSeals, string? PublicKey, long HighWaterMark);

/// <summary>One stream's chain as the chain audit found it, for the streams a statement's events are in.</summary>
public sealed record StreamCheck(string Stream, VerificationReport Report);

public sealed record StatementVerifyModel(Chrome Chrome, StatementView View, string Speaker, IReadOnlyList<ChainLink> Links,
    IReadOnlyList<StreamCheck> Streams, string? PublicKey);

/// <summary>
/// The auditors' pages: the whole archive's chain verification (the store's chain audit, as the API's
/// <c>/api/audit/verify</c>), its seals and public key, the export bundle (as <c>/api/audit/export</c>, for the
/// session), and one statement's links of the chain with the seal that covers each.
/// </summary>
public static class AuditPages
{
    public static void Map(WorkspaceRoutes routes) => routes
        .Get("audit", Access.Auditor, Show)
        .Get("audit/export", Access.Auditor, Export)
        .Get("statements/{id}/verify", Access.Auditor, VerifyStatement);

    private static async Task<IResult> Show(WorkspaceRequest request)
    {
        var (database, schema, key) = Store(request);
        var after = Position(request.Query("sealsAfter")) ?? 0;
        var checkedAt = request.Service<TimeProvider>().GetUtcNow();
        var report = await ChainAudit.Run(database, schema, null, request.Aborted);
        var (seals, next) = await AuditReads.Seals(database, schema, key, after, AuditReads.SealPage, request.Aborted);
        var highWater = (await request.Service<ProjectionProgress>().Read(request.Aborted)).HighWaterMark;
        return Pages.Html<AuditPage>(new AuditModel(request.Chrome("Audit"), report, checkedAt, seals,
            next is { } n ? $"/audit?sealsAfter={n}" : null, key, highWater));
    }

    private static async Task<IResult> VerifyStatement(WorkspaceRequest request)
    {
        var id = request.Route("id");
        var (database, schema, key) = Store(request);
        var session = request.Service<IQuerySession>();
        var view = StatementIds.IsWellFormed(id) ? await session.LoadAsync<StatementView>(id, request.Aborted) : null;
        if (view is null) return Pages.NotFound(request.Chrome("Statement not found"), $"No statement is recorded with the id '{id}'.");
        var seals = await AuditReads.AllSeals(database, schema, key, request.Aborted);
        var links = await AuditReads.Links(database, schema, id, seals, request.Aborted);
        var streams = new List<StreamCheck>();
        foreach (var stream in links.Select(l => l.Entry.Stream).Distinct())
            streams.Add(new StreamCheck(stream, await ChainAudit.Run(database, schema, stream, request.Aborted)));
        var speaker = (await session.LoadAsync<ActorView>(view.ActorId, request.Aborted))?.Name ?? view.ActorId;
        return Pages.Html<StatementVerifyPage>(new StatementVerifyModel(request.Chrome($"Verify the statement by {speaker}"), view, speaker, links, streams, key));
    }

    /// <summary>The bundle <c>archive audit verify</c> checks offline: events with positions in [from, to] that have committed.</summary>
    private static async Task<IResult> Export(WorkspaceRequest request)
    {
        var (first, last) = (Position(request.Query("from")), Position(request.Query("to")));
        if (request.Query("from") is { } from && first is null)
            return Pages.Problem(request.Chrome("Not a position"), StatusCodes.Status400BadRequest, $"from: '{from}' is not a position (a whole number from 0).");
        if (request.Query("to") is { } to && (last is null || last < (first ?? 0)))
            return Pages.Problem(request.Chrome("Not a position"), StatusCodes.Status400BadRequest, $"to: '{to}' is not a position at or after from.");
        var (database, schema, key) = Store(request);
        var highWater = (await request.Service<ProjectionProgress>().Read(request.Aborted)).HighWaterMark;
        var start = first ?? 1;
        var end = Math.Min(last ?? highWater, highWater);
        return new BundleDownload(new BundleHeader(request.Service<TimeProvider>().GetUtcNow(), start, end, key),
            BundleExport.Lines(database, schema, start, end, request.Aborted));
    }

    private static long? Position(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : null;

    private static (NpgsqlDataSource Database, string Schema, string? PublicKey) Store(WorkspaceRequest request) =>
        (request.Service<NpgsqlDataSource>(), request.Service<ArchiveSettings>().Schema, request.Service<SealKey>().PublicKey);

    private sealed class BundleDownload(BundleHeader header, IAsyncEnumerable<BundleLine> lines) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = BundleWriter.ContentType;
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"archive-{header.FromPosition}-{header.ToPosition}.ndjson\"";
            await using var output = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
            await BundleWriter.Write(output, header, lines, http.RequestAborted);
        }
    }
}
