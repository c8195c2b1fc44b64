using System.Net.Http.Json;
using Archive.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// Every endpoint of the real host's route table × every kind of caller, against the access specification below.
/// An endpoint missing from the specification, or declaring no role policy, fails the matrix.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Host host) : IClassFixture<AuthorizationMatrixTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public ArchiveApiFactory Factory { get; private set; } = null!;
        public async ValueTask InitializeAsync() => Factory = await ArchiveApiFactory.Start();
        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }

    private const string Anonymous = "anonymous";
    private const string AsOf = "asOf=2026-01-01T00:00:00Z";

    /// <summary>Who may call what: the README's table, written out. Paths under the anonymous rule are not listed.</summary>
    public static readonly Dictionary<string, string> Specification = new()
    {
        ["GET /api/events"] = Roles.Auditor,
        ["GET /api/audit/verify"] = Roles.Auditor,
        ["GET /api/audit/key"] = Roles.Auditor,
        ["GET /api/audit/export"] = Roles.Auditor,
        ["GET /api/statements/{id}/history"] = Roles.Auditor,
        ["GET /api/statements/{id}/diff"] = Roles.Auditor,
        ["GET /api/actors/{id}/history"] = Roles.Auditor,
        ["GET /api/topics/{id}/history"] = Roles.Auditor,
        ["GET /api/projections"] = Roles.Auditor,
        ["POST /api/projections/{name}/rebuild"] = Roles.Archivist,
        ["POST /api/actors"] = Roles.Archivist,
        ["GET /api/actors"] = Roles.Reader,
        ["GET /api/actors/{id}"] = Roles.Reader,
        ["GET /api/actors/{id}/timeline"] = Roles.Reader,
        ["POST /api/actors/{id}/roles"] = Roles.Archivist,
        ["POST /api/actors/{id}/aliases"] = Roles.Archivist,
        ["POST /api/topics"] = Roles.Archivist,
        ["GET /api/topics"] = Roles.Reader,
        ["GET /api/topics/{id}"] = Roles.Reader,
        ["GET /api/topics/{id}/timeline"] = Roles.Reader,
        ["POST /api/topics/{id}/rename"] = Roles.Archivist,
        ["POST /api/topics/{id}/merge"] = Roles.Archivist,
        ["POST /api/topics/{topicId}/statements"] = Roles.Archivist,
        ["DELETE /api/topics/{topicId}/statements/{statementId}"] = Roles.Archivist,
        ["POST /api/sources"] = Roles.Archivist,
        ["GET /api/sources/{id}"] = Roles.Reader,
        ["POST /api/sources/{id}/corrections"] = Roles.Archivist,
        // a question, but one of the archivist's write path: it reads whole source texts to find a quote in them
        ["POST /api/sources/{id}/locate"] = Roles.Archivist,
        ["POST /api/statements"] = Roles.Archivist,
        ["POST /api/statements/batch"] = Roles.Archivist,
        ["POST /api/statements/{id}/verify"] = Roles.Archivist,
        ["POST /api/statements/{id}/amend"] = Roles.Archivist,
        ["POST /api/statements/{id}/dispute"] = Roles.Archivist,
        ["POST /api/statements/{id}/retract"] = Roles.Archivist,
        ["POST /api/statements/{id}/links"] = Roles.Archivist,
        ["DELETE /api/statements/{id}/links/{targetId}"] = Roles.Archivist,
        ["POST /api/statements/{id}/reinstate"] = Roles.Archivist,
        ["GET /api/statements/{id}"] = Roles.Reader,
        ["GET /api/statements"] = Roles.Reader,
        ["GET /api/sources/{id}/candidates"] = Roles.Reader,
        ["POST /api/sources/{id}/candidates/accept"] = Roles.Archivist,
        ["GET /api/export/statements.jsonld"] = Roles.Reader,
        ["GET /api/export/statements.csv"] = Roles.Reader,
    };

    /// <summary>Reads of the present that turn into history with a query parameter: those need an auditor.</summary>
    public static readonly (string Route, string Query, string Access)[] TimeTravel =
    [
        ("GET /api/statements/{id}", AsOf, Roles.Auditor),
        ("GET /api/statements/{id}", "version=1", Roles.Auditor),
        ("GET /api/statements", AsOf, Roles.Auditor),
        ("GET /api/actors/{id}", AsOf, Roles.Auditor),
    ];

    /// <summary>Each caller: the key it sends (null: none) and its role (null: not a valid key).</summary>
    private static readonly (string Caller, string? Secret, string? Role)[] Callers =
    [
        ("anonymous", null, null),
        ("reader", TestKeys.Reader, Roles.Reader),
        ("auditor", TestKeys.Auditor, Roles.Auditor),
        ("archivist", TestKeys.Archivist, Roles.Archivist),
        ("wrong key", TestKeys.Unknown, null),
        ("revoked key", TestKeys.Revoked, null),
    ];

    [Fact]
    public void RouteTable_EveryEndpoint_DeclaresItsAccess()
    {
        var problems = Undeclared(host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints);
        Assert.True(problems.Count == 0, "endpoints without a declared access:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void RouteTable_NewEndpointWithoutPolicy_IsReported()
    {
        // given a route table with one endpoint that declares nothing
        var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/api/new-thing", () => "x");
        app.MapGet("/api/listed-but-open", () => "x");

        // when it is checked
        var problems = Undeclared(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));

        // then both are reported: one is missing from the specification, neither declares a role policy
        Assert.Contains(problems, p => p.StartsWith("GET /api/new-thing: not in the access specification"));
        Assert.Contains(problems, p => p.StartsWith("GET /api/new-thing: declares no role policy"));
    }

    [Fact]
    public async Task EveryEndpoint_EveryCaller_AnswersAsSpecified()
    {
        var endpoints = Routes(host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints).ToList();
        Assert.True(endpoints.Count >= Specification.Count, $"the route table has only {endpoints.Count} endpoints");
        var cases = endpoints
            .Select(e => (e.Method, e.Path, e.Url, Query: "", Access: Required(e.Method, e.Path)))
            .Concat(TimeTravel.Select(t => (Method: t.Route.Split(' ')[0], Path: t.Route.Split(' ')[1],
                Url: Fill(t.Route.Split(' ')[1]), t.Query, Access: (string?)t.Access)))
            .ToList();

        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (caller, secret, role) in Callers)
        {
            using var client = host.Factory.CreateClientWithSecret(secret);
            foreach (var (method, path, url, query, access) in cases)
            {
                if (access is null) continue; // reported by RouteTable_EveryEndpoint_DeclaresItsAccess
                var target = query.Length == 0 ? url : $"{url}?{query}";
                using var request = new HttpRequestMessage(new HttpMethod(method), target);
                if (method != "GET") request.Content = JsonContent.Create(new { });
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                var expected = access == Anonymous ? "allowed"
                    : role is null ? "401"
                    : Roles.Grants(role, access) ? "allowed" : "403";
                var ok = expected switch
                {
                    "allowed" => status is not (401 or 403) && status < 500,
                    "401" => status == 401 && problem && response.Headers.WwwAuthenticate.ToString().StartsWith("Bearer"),
                    _ => status == 403 && problem,
                };
                checkedCount++;
                if (!ok) failures.Add($"{method} {target} as {caller}: expected {expected} ({access}), got {status} {response.Content.Headers.ContentType}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} answers differ from the specification:\n  " + string.Join("\n  ", failures));
        Assert.True(checkedCount >= (Specification.Count + TimeTravel.Length) * Callers.Length);
    }

    /// <summary>What each endpoint must declare: a role policy, or (only under the anonymous paths) AllowAnonymous.</summary>
    private static List<string> Undeclared(IEnumerable<Endpoint> endpoints)
    {
        var problems = new List<string>();
        foreach (var (method, path, _, endpoint) in Routes(endpoints))
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var access = Required(method, path);
            if (access is null) problems.Add($"{method} {path}: not in the access specification (add it, with the least role it needs)");
            if (Security.Access.IsAnonymousPath(path)) continue;
            if (anonymous) problems.Add($"{method} {path}: allows anonymous callers outside the anonymous paths");
            if (!policies.Any(p => p is not null && Roles.All.Contains(p)))
                problems.Add($"{method} {path}: declares no role policy (call ForReaders, ForAuditors or ForArchivists)");
            else if (access is not null && access != Anonymous && !policies.Contains(access))
                problems.Add($"{method} {path}: declares {string.Join(", ", policies)} but the specification says {access}");
        }
        return problems;
    }

    private static string? Required(string method, string path) =>
        Security.Access.IsAnonymousPath(path) ? Anonymous : Specification.GetValueOrDefault($"{method} {path}");

    private static IEnumerable<(string Method, string Path, string Url, Endpoint Endpoint)> Routes(IEnumerable<Endpoint> endpoints) =>
        endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m.ToUpperInvariant(), Path: Normalise(e.RoutePattern), Url: Fill(e.RoutePattern), Endpoint: (Endpoint)e)))
            .DistinctBy(r => (r.Method, r.Path));

    /// <summary>The route in OpenAPI's form: '{name}' parameters, no trailing slash (a group's "/" is the group's path).</summary>
    private static string Normalise(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }))).Where(s => s.Length > 0));

    private static string Fill(string path) => Fill(RoutePatternFactory.Parse(path));

    /// <summary>A plausible URL for the route: parameters filled with ids of the right shape.</summary>
    private static string Fill(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.Name switch
            {
                "statementId" or "targetId" => "st-0123456789abcdef0123",
                "id" when pattern.RawText?.Contains("statements/{id}") == true => "st-0123456789abcdef0123",
                "id" when pattern.RawText?.Contains("sources/{id}") == true => "src-0123456789abcdef0123",
                "topicId" => "cpec",
                "name" => "no-such-read-model",
                "documentName" => "v1",
                _ => "lin-jian",
            },
            _ => "",
        }))).Where(s => s.Length > 0));
}
