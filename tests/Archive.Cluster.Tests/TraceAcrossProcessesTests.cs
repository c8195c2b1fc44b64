using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Archive.Testing;
using Xunit;

namespace Archive.Cluster.Tests;

/// <summary>
/// In a cluster the API node and the silo are separate processes, each exporting its own spans over OTLP: a request's
/// trace must continue from the API's export into the silo's, down to the SQL of the transaction that committed it.
/// </summary>
public sealed class TraceAcrossProcessesTests
{
    [Fact]
    public async Task OneRequest_ItsTraceContinuesFromTheApiNodeIntoTheSiloAndItsSql()
    {
        // given a silo and an API node that export OTLP/HTTP to a receiver
        using var receiver = new OtlpReceiver();
        await using var cluster = await LocalCluster.Start(new ClusterShape(1, Environment: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        }));
        var writer = await StatementWriter.Prepare(cluster.Http, actorCount: 1, sentences: 2);

        // when a statement is recorded in a trace the client started
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/statements") { Content = JsonContent.Create(writer.Body(1)) };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await cluster.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // then both processes export spans of that trace: the API its server span, the silo the grain call and the
        // commit with its Npgsql commands
        var id = Convert.FromHexString(trace.ToHexString());
        byte[][] Of(string service) => receiver.Received("/v1/traces")
            .Where(body => Contains(body, Encoding.UTF8.GetBytes(service)) && Contains(body, id)).ToArray();
        try
        {
            await Eventually.Get(() => Task.FromResult(Of("archive-api")), found => found.Length > 0, TimeSpan.FromSeconds(30), "the API node's spans of the trace");
            var silo = await Eventually.Get(() => Task.FromResult(Of("archive-silo")),
                found => found.Any(body => Contains(body, "archive.commit"u8.ToArray()) && Contains(body, "Npgsql"u8.ToArray())),
                TimeSpan.FromSeconds(30), "the silo's grain call, commit and SQL spans of the trace");
            Assert.NotEmpty(silo);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; trace exports received: {receiver.Received("/v1/traces").Count}\n{cluster.Output}", e);
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
