using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Api.Reads;
using Archive.Store;
using Archive.Store.Diagnostics;
using Archive.Store.Storage;
using Archive.Testing;
using JasperFx.Events.Projections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Api.Tests.Reads;

/// <summary>The diagnostic faulty projection is set through the process environment: its tests run alone.</summary>
[CollectionDefinition(nameof(FaultyProjectionCollection), DisableParallelization = true)]
public sealed class FaultyProjectionCollection;

/// <summary>
/// Reading your own write waits only for the read models the query reads: a failed projection elsewhere does not hold
/// up a statement read from its inline view, while a query on the failed one is told at once, by name.
/// </summary>
[Collection(nameof(FaultyProjectionCollection))]
public sealed class ReadYourWritesTests : ApiTest
{
    private const string FailOn = "statement_disputed";

    public override async ValueTask InitializeAsync()
    {
        // The store reads the setting when the host builds it; no other host starts meanwhile (this collection runs alone).
        Environment.SetEnvironmentVariable(FaultyProjection.Setting, FailOn);
        try
        {
            await base.InitializeAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(FaultyProjection.Setting, null);
        }
    }

    /// <summary>A recorded statement, disputed; the position of the dispute once the faulty projection has failed on it.</summary>
    private async Task<(string Id, long Position)> GivenADisputeTheFaultyProjectionFailedOn()
    {
        var source = new SampleSource(1, "faulty");
        Assert.Equal(201, (await Client.Post<Written>("/api/actors", new { id = "mao-ning", name = "Mao Ning", kind = "person" })).Status);
        Assert.Equal(201, (await Client.Post<Written>("/api/sources", new { title = "Briefing", text = source.Text })).Status);
        var id = (await Client.Post<Written>("/api/statements", new { actorId = "mao-ning", sourceId = source.Id, quote = source.Sentences[0], quoteKind = "direct", saidOn = "2025-01-01" })).Body!.Id;
        var disputed = await Client.Post<Written>($"/api/statements/{id}/dispute", new { reason = "the interpreter's wording" });
        Assert.Equal(200, disputed.Status);
        await Eventually.Get(() => Client.GetFromJsonAsync<JsonElement>("/health"),
            h => h.GetProperty("projections").EnumerateArray().Any(p =>
                p.GetProperty("name").GetString()!.Contains(nameof(FaultyProjection)) && p.GetProperty("status").GetString() == "failed"),
            TimeSpan.FromSeconds(60), "the faulty projection to fail on the dispute");
        return (id, disputed.Body!.Position);
    }

    [Fact]
    public async Task MinPosition_AnUnrelatedProjectionFailedOnTheWrite_ReadsFromInlineViewsAnswer200()
    {
        // given a dispute that the faulty (asynchronous) projection failed on
        var (id, position) = await GivenADisputeTheFaultyProjectionFailedOn();

        // when the statement, the search and the speaker's timeline are read at the dispute's position
        var statement = await Client.Send(HttpMethod.Get, $"/api/statements/{id}?minPosition={position}");
        var search = await Client.Send(HttpMethod.Get, $"/api/statements?actor=mao-ning&minPosition={position}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/actors/mao-ning/timeline");
        request.Headers.Add("Archive-Min-Position", position.ToString());
        using var timeline = await Client.SendAsync(request);

        // then each answers at once from its inline read model, with the dispute in it
        Assert.Equal(200, statement.Status);
        Assert.Equal("disputed", statement.Body.GetProperty("status").GetString());
        Assert.Equal(200, search.Status);
        Assert.Equal("disputed", search.Body.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, timeline.StatusCode);
    }

    [Fact]
    public async Task WaitFor_AReadModelWhoseProjectionFailedBeforeThePosition_AnswersAtOnceNamingItWhileOthersAreReady()
    {
        // given the same failure, and a read model served by the failing projection
        var (_, position) = await GivenADisputeTheFaultyProjectionFailedOn();
        var progress = Factory.Services.GetRequiredService<ProjectionProgress>();
        var faulty = new ReadModel("faulty", typeof(FaultyProjection), ProjectionLifecycle.Async);
        var ct = TestContext.Current.CancellationToken;

        // when the store is asked whether each has processed the dispute
        var watch = Stopwatch.StartNew();
        var failed = await progress.WaitFor(position, [faulty], TimeSpan.FromSeconds(30), ct);
        watch.Stop();
        var audit = await progress.WaitFor(position, [ReadModels.ByName["audit-entries"]], TimeSpan.FromSeconds(30), ct);
        var statements = await progress.WaitFor(position, [ReadModels.ByName["statements"]], TimeSpan.FromSeconds(30), ct);
        var beyond = await progress.WaitFor(position + 1_000_000, [ReadModels.ByName["statements"]], TimeSpan.FromMilliseconds(200), ct);

        // then the failed one is named with its failing event, without waiting out the bound; the others are ready
        Assert.False(failed.Ready);
        Assert.Same(faulty, failed.Failed);
        Assert.Contains(FailOn, failed.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(audit.Ready);
        Assert.True(statements.Ready);
        Assert.False(beyond.Ready);
        Assert.Null(beyond.Failed);
        Assert.Equal(["statements"], beyond.Behind);
    }

    [Fact]
    public async Task MinPosition_OnAnEndpointThatReadsTheFailedModel_Answers503NamingItWithRetryAfter()
    {
        // given the same failure, and an endpoint declared to read a model served by the failing projection
        var (_, position) = await GivenADisputeTheFaultyProjectionFailedOn();
        var faulty = new ReadModel("faulty", typeof(FaultyProjection), ProjectionLifecycle.Async);
        var http = new DefaultHttpContext { RequestServices = Factory.Services };
        http.Request.QueryString = new QueryString($"?minPosition={position}");
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new ReadsFromMetadata([faulty])), "reads the faulty model"));
        var filter = new ReadYourWrites(Factory.Services.GetRequiredService<ProjectionProgress>());

        // when a request with the dispute's position reaches the endpoint's read-your-writes filter
        var answer = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), _ => ValueTask.FromResult<object?>("read"));

        // then it is refused without reading, 503 naming the read model, and may be retried
        var problem = Assert.IsType<ProblemHttpResult>(answer);
        Assert.Equal(503, problem.StatusCode);
        var errors = Assert.IsType<Dictionary<string, string[]>>(problem.ProblemDetails.Extensions["errors"]);
        Assert.Contains(FailOn, Assert.Single(errors, e => e.Key == "faulty").Value[0]);
        Assert.Equal("1", http.Response.Headers.RetryAfter.ToString());
    }
}
