using Archive.Api.Hosting;
using Archive.Api.Http;
using Archive.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Archive.Api.Audit;

public sealed record VerificationReport(bool Intact, int Streams, long Events, IReadOnlyList<ChainBreak> Broken);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit/verify", Verify).WithTags("Audit").WithName("VerifyArchive")
            .WithSummary("Recompute every stream's hash chain (or one stream's) and report the first broken link of each")
            .ProducesProblems(400);
        return app;
    }

    private static async Task<Results<Ok<VerificationReport>, ProblemHttpResult>> Verify(
        NpgsqlDataSource database, ArchiveSettings settings, CancellationToken ct, string? stream = null)
    {
        if (stream is { Length: > 200 }) return Problems.Invalid("stream", "must be at most 200 characters");
        var report = await ChainAudit.Run(database, settings.Schema, stream, ct);
        return TypedResults.Ok(report);
    }
}

/// <summary>Reads the event store stream by stream and verifies each chain.</summary>
public static class ChainAudit
{
    public static async Task<VerificationReport> Run(NpgsqlDataSource database, string schema, string? stream, CancellationToken ct)
    {
        var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var versions = database.CreateCommand($"select id, version from {schema}.mt_streams" + (stream is null ? "" : " where id = @s")))
        {
            if (stream is not null) versions.Parameters.AddWithValue("s", stream);
            await using var reader = await versions.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) recorded[reader.GetString(0)] = reader.GetInt64(1);
        }

        var results = new List<StreamVerification>();
        await using (var command = database.CreateCommand($"""
            select seq_id, stream_id, version, type, data::text, headers ->> '{EventHash.Header}'
            from {schema}.mt_events {(stream is null ? "" : "where stream_id = @s")}
            order by stream_id, version, seq_id
            """))
        {
            if (stream is not null) command.Parameters.AddWithValue("s", stream);
            await using var reader = await command.ExecuteReaderAsync(ct);
            string? current = null;
            var batch = new List<StoredEvent>();
            void Flush()
            {
                if (current is null) return;
                results.Add(ChainVerifier.Verify(current, batch, recorded.TryGetValue(current, out var v) ? v : null));
                recorded.Remove(current);
                batch.Clear();
            }
            while (await reader.ReadAsync(ct))
            {
                var key = reader.GetString(1);
                if (key != current) { Flush(); current = key; }
                batch.Add(new StoredEvent(reader.GetInt64(0), key, reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
            Flush();
        }
        // streams whose every event is gone
        results.AddRange(recorded.Select(r => ChainVerifier.Verify(r.Key, [], r.Value)));

        var broken = results.Where(r => !r.Intact).Select(r => r.Break!).OrderBy(b => b.StreamKey, StringComparer.Ordinal).ToArray();
        return new VerificationReport(broken.Length == 0, results.Count, results.Sum(r => r.Events), broken);
    }
}
