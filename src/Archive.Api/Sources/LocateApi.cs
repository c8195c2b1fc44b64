using System.ComponentModel.DataAnnotations;
using Archive.Api.Http;
using Archive.Api.Reads;
using Archive.Api.Security;
using Archive.Domain.Sources;
using Archive.Store.Sources;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Archive.Api.Sources;

public sealed record LocateQuoteRequest([property: Required] string? Quote);

/// <param name="Items">Every occurrence in text order (at most <see cref="QuoteLocator.MaxListed"/>): its span and the source's own characters there.</param>
/// <param name="Count">How many times the quote occurs (all are counted, even past the listed ones).</param>
/// <param name="Closest">The passage most like the quote, given only when it does not occur.</param>
public sealed record QuoteLocations(IReadOnlyList<Passage> Items, int Count, Passage? Closest);

/// <summary>
/// Where a quote occurs in a source, as the archive would find it when recording: the same normalisation (quote marks,
/// dashes, whitespace, Unicode forms), spans in code points. A question, not a write: it reads the source's text from
/// its read model and records nothing, so a client never computes offsets itself.
/// </summary>
public static class LocateApi
{
    public static RouteGroupBuilder MapLocateApi(this RouteGroupBuilder sources)
    {
        sources.MapPost("/{id}/locate", Locate).WithName("LocateQuote")
            .WithSummary("Every occurrence of a quote in the source's stored text, with its span in code points and the source's own characters")
            .ProducesProblems(400, 404, 503).ForArchivists().ReadsFrom("sources")
            .WithBodyExample(new { quote = "\"The corridor - our 🙂 project - will grow.\"" });
        return sources;
    }

    private static async Task<Results<Ok<QuoteLocations>, ProblemHttpResult>> Locate(
        string id, LocateQuoteRequest request, IQuerySession session, CancellationToken ct)
    {
        var view = SourcesApi.IsSourceId(id) ? await session.LoadAsync<SourceView>(id, ct) : null;
        var source = view is null ? null
            : new SourceState(view.Id, view.Title, view.Outlet, view.Url, view.PublishedOn, view.Language, view.TextHash, view.Text);
        var (search, errors) = LocateQuote.Handle(source, new LocateQuote(request.Quote));
        if (search is null) return Problems.From(errors.Named(("sourceId", "id")));
        return TypedResults.Ok(new QuoteLocations(search.Occurrences, search.Count, search.Closest));
    }
}
