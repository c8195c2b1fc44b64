using Archive.Store;
using Archive.Api.Http;
using Archive.Api.Security;
using Archive.Audit.Bundles;
using Archive.Store.Audit;
using Archive.Store.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Audit;

public sealed record SealPublicKey(string Algorithm, string PublicKey);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", Verify).WithTags("Audit").WithName("VerifyArchive")
            .WithSummary("Recompute every stream's hash chain (or one stream's) and report the first broken link of each")
            .ProducesProblems(400).ForAuditors();
        app.MapGet("/api/audit/key", (SealKey key) => key.PublicKey is { } publicKey
                ? Results.Ok(new SealPublicKey("Ed25519", publicKey))
                : Problems.NotFound("key", "this archive signs no seals (ARCHIVE_SEAL_KEY is not set)"))
            .WithTags("Audit").WithName("GetSealKey").WithSummary("The public key that verifies the archive's seal signatures")
            .Produces<SealPublicKey>().ProducesProblems(404).ForAuditors();
        app.MapGet("/api/audit/export", Export).WithTags("Audit").WithName("ExportBundle")
            .WithSummary("Stream an NDJSON bundle of events with their hashes, for verification offline")
            .Produces(StatusCodes.Status200OK, contentType: BundleContentType)
            .ProducesProblems(400).ForAuditors();
        return app;
    }

    public const string BundleContentType = BundleWriter.ContentType;

    /// <summary>
    /// Header line, one line per event in position order (with the stream's previous hash, so a bundle that starts
    /// mid-stream still chains), footer line with counts. Only committed positions (up to the high-water mark) are exported.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Export(
        HttpContext http, NpgsqlDataSource database, ArchiveSettings settings, ProjectionProgress progress,
        SealKey key, CancellationToken ct, long? from = null, long? to = null)
    {
        if (from is < 0) return Problems.Invalid("from", "must not be negative");
        if (to is < 0 || (to is { } t && from is { } f && t < f)) return Problems.Invalid("to", "must not be before from");
        var highWater = (await progress.Read(ct)).HighWaterMark;
        var first = from ?? 1;
        var last = Math.Min(to ?? highWater, highWater);

        http.Response.ContentType = BundleContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"archive-{first}-{last}.ndjson\"";
        await using var output = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
        await BundleWriter.Write(output, new BundleHeader(DateTimeOffset.UtcNow, first, last, key.PublicKey),
            BundleExport.Lines(database, settings.Schema, first, last, ct), ct);
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<VerificationReport>, ProblemHttpResult>> Verify(
        NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct, string? stream = null)
    {
        if (stream is { Length: > 200 }) return Problems.Invalid("stream", "must be at most 200 characters");
        // The stream key is written into the verification's COPY command as an escaped literal; a control character
        // (a NUL above all) can be no stream's key and PostgreSQL could not take it in a command's text.
        if (stream is not null && stream.Any(char.IsControl))
            return Problems.Invalid("stream", "must not contain control characters: give a stream key such as actor:jiang-zaidong");
        var report = await ChainAudit.Run(database, settings.Schema, stream, ct);
        return TypedResults.Ok(report);
    }
}

