using System.Text;
using Archive.Api.Http;
using Archive.Domain.Common;
using Archive.Domain.Statements;
using Archive.Projections.Statements;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Statements;

public sealed record StatementItem(
    string Id, string ActorId, string SourceId, string Quote, string QuoteKind, DateOnly SaidOn, string Status,
    IReadOnlyList<string> Topics, TextSpan Span, int Revision);

public sealed record StatementPage(IReadOnlyList<StatementItem> Items, string? Next);

public static class StatementQueries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Statements in said-on order (then id), filtered by actor and topic, with a keyset cursor.</summary>
    public static async Task<Results<Ok<StatementPage>, ProblemHttpResult>> List(
        IQuerySession session, CancellationToken ct, string? actor = null, string? topic = null, int? limit = null, string? cursor = null)
    {
        var errors = new List<DomainError>();
        if (actor is not null) Checks.Slug(errors, "actor", actor);
        if (topic is not null) Checks.Slug(errors, "topic", topic);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) errors.Add(DomainError.Invalid("limit", $"must be between 1 and {MaxLimit}"));
        var after = cursor is null ? null : Cursor.Decode(cursor);
        if (cursor is not null && after is null) errors.Add(DomainError.Invalid("cursor", "is not a cursor this archive issued"));
        if (errors.Count > 0) return Problems.From(errors);

        var where = new List<string>();
        var parameters = new List<object>();
        if (actor is not null) { where.Add("data ->> 'actorId' = ?"); parameters.Add(actor); }
        if (topic is not null) { where.Add("data -> 'topics' @> jsonb_build_array(?::text)"); parameters.Add(topic); }
        if (after is { } key) { where.Add("(data ->> 'saidOn', id) > (?, ?)"); parameters.Add(key.SaidOn); parameters.Add(key.Id); }
        var sql = (where.Count > 0 ? "where " + string.Join(" and ", where) : "")
                  + $" order by data ->> 'saidOn', id limit {take + 1}";

        var rows = await session.QueryAsync<StatementView>(sql, ct, parameters.ToArray());
        var items = rows.Take(take).Select(s => new StatementItem(
            s.Id, s.ActorId, s.SourceId, s.Quote, s.QuoteKind, s.SaidOn, s.Status, s.Topics, s.Span, s.Revision)).ToArray();
        var next = rows.Count > take ? Cursor.Encode(items[^1].SaidOn.ToString("yyyy-MM-dd"), items[^1].Id) : null;
        return TypedResults.Ok(new StatementPage(items, next));
    }

    /// <summary>An opaque position in said-on/id order.</summary>
    private static class Cursor
    {
        public static string Encode(string saidOn, string id) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{saidOn}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static (string SaidOn, string Id)? Decode(string cursor)
        {
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                padded += new string('=', (4 - padded.Length % 4) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
                return parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out _) && StatementIds.IsWellFormed(parts[1])
                    ? (parts[0], parts[1])
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
