using Archive.Cli.Shell;
using Archive.Domain.Seeds;

namespace Archive.Cli.Import;

/// <summary><c>archive import</c> writes through the HTTP API, like any other client.</summary>
public sealed class HttpImportTarget(ArchiveServer server) : IImportTarget
{
    public async Task<ImportWrite> RegisterActor(SeedActor actor, CancellationToken ct) =>
        Of(await server.PostJson("/api/actors", actor, ct));

    public async Task<ImportWrite> OpenTopic(SeedTopic topic, CancellationToken ct) =>
        Of(await server.PostJson("/api/topics", topic, ct));

    public async Task<ImportWrite> RegisterSource(SeedSource source, string text, CancellationToken ct) =>
        Of(await server.PostJson("/api/sources", new { source.Title, Text = text, source.Outlet, source.Url, source.PublishedOn, source.Language }, ct));

    public async Task<ImportWrite> RecordStatement(SeedStatement s, string sourceId, CancellationToken ct) =>
        Of(await server.PostJson("/api/statements", new
        {
            s.ActorId, SourceId = sourceId, s.Quote, s.Span, s.QuoteKind, s.SaidOn, s.Occasion, s.Topics, s.Language, s.CoSpeakers,
        }, ct));

    public async Task<ImportWrite> VerifyStatement(SeedStatement statement, string statementId, SeedVerification verification, CancellationToken ct) =>
        Of(await server.PostJson($"/api/statements/{Uri.EscapeDataString(statementId)}/verify", verification, ct));

    private static ImportWrite Of(ArchiveServer.Written written) => new(written.Id, written.Version ?? 0, written.Created, written.Refusal);
}
