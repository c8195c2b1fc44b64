using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>
/// The published OpenAPI document (/openapi/v1.json) against the app's real route table, and against Redocly's linter.
/// </summary>
public sealed class OpenApiTests(OpenApiTests.DocumentHost host) : IClassFixture<OpenApiTests.DocumentHost>
{
    /// <summary>The Redocly CLI release the lint runs; pinned so a new release cannot change the verdict unannounced.</summary>
    public const string RedoclyCli = "@redocly/cli@2.77.0";

    public static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(5);

    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>One host for the class: both tests read the same document.</summary>
    public sealed class DocumentHost : IAsyncLifetime
    {
        public ArchiveApiFactory Factory { get; private set; } = null!;
        public string DocumentText { get; private set; } = "";
        public JsonObject Document { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Factory = await ArchiveApiFactory.Start();
            using var client = Factory.CreateClient();
            using var response = await client.GetAsync("/openapi/v1.json");
            DocumentText = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"GET /openapi/v1.json answered {(int)response.StatusCode}: {DocumentText}");
            Document = JsonNode.Parse(DocumentText) as JsonObject
                ?? throw new InvalidOperationException("/openapi/v1.json is not a JSON object");
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public void OpenApi_Document_DescribesEveryEndpoint()
    {
        var paths = host.Document["paths"] as JsonObject ?? throw new Xunit.Sdk.XunitException("the document has no 'paths'");
        var documented = paths
            .SelectMany(path => (path.Value as JsonObject ?? []).Where(op => IsHttpMethod(op.Key))
                .Select(op => (Method: op.Key.ToUpperInvariant(), Path: Normalise(path.Key), RawPath: path.Key, Operation: op.Value as JsonObject ?? [])))
            .ToList();
        var documentedKeys = documented.Select(d => (d.Method, d.Path)).ToHashSet();

        var routes = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !IsDocumentationEndpoint(e.RoutePattern))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (Method: m.ToUpperInvariant(), Path: Normalise(e.RoutePattern), Endpoint: e.DisplayName)))
            .Distinct()
            .ToList();
        Assert.NotEmpty(routes);

        var problems = new List<string>();
        foreach (var route in routes.Where(r => !documentedKeys.Contains((r.Method, r.Path))))
            problems.Add($"{route.Method} {route.Path}: in the route table ({route.Endpoint}) but not under 'paths'");

        foreach (var (method, _, rawPath, operation) in documented)
        {
            var responses = operation["responses"] as JsonObject ?? [];
            if (!responses.Any(r => IsStatusClass(r.Key, '2')))
                problems.Add($"{method} {rawPath}: no 2xx response (lists: {Codes(responses)})");
            if (WriteMethods.Contains(method) && !responses.Any(r => IsStatusClass(r.Key, '4') && HasProblemSchema(r.Value)))
                problems.Add($"{method} {rawPath}: a write with no 4xx response whose application/problem+json schema is a problem details object (lists: {Codes(responses)})");
        }

        Assert.True(problems.Count == 0,
            $"/openapi/v1.json does not describe the API ({problems.Count}):\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public async Task OpenApi_Document_PassesRedoclyLint()
    {
        var work = Directory.CreateTempSubdirectory("archive-openapi-");
        var document = Path.Combine(work.FullName, "openapi.json");
        await File.WriteAllTextAsync(document, host.DocumentText, TestContext.Current.CancellationToken);

        var config = Path.Combine(AppContext.BaseDirectory, "redocly.yaml");
        Assert.True(File.Exists(config), $"{config} is missing: the test project copies redocly.yaml to its output");
        var args = new List<string> { "--yes", RedoclyCli, "lint", document, "--format=stylish", "--config", config };

        var watch = Stopwatch.StartNew();
        var (exit, output) = await Run("npx", args, work.FullName, LintTimeout);
        watch.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"redocly lint ({RedoclyCli}) took {watch.Elapsed.TotalSeconds:0.0}s:\n{output}");

        Assert.True(exit == 0,
            $"redocly lint of /openapi/v1.json exited {exit} (document kept at {document}; each problem's JSON pointer added in brackets):\n" +
            Annotate(output, host.DocumentText));
        // The recommended rules warn rather than fail on some problems; the archive's document has none of either.
        Assert.False(Regex.IsMatch(output, @"^\s*\d+:\d+\s+warning\s", RegexOptions.Multiline),
            $"redocly lint of /openapi/v1.json warned (document kept at {document}; each problem's JSON pointer added in brackets):\n" +
            Annotate(output, host.DocumentText));
        work.Delete(recursive: true);
    }

    [Fact]
    public void OpenApi_Document_SaysWhatIsRequiredNullableAndAllowedAsTheApiTreatsIt()
    {
        var schemas = host.Document["components"]!["schemas"]!.AsObject();
        JsonObject Schema(string name) => schemas[name] as JsonObject ?? throw new Xunit.Sdk.XunitException($"no schema '{name}'");
        string[] Required(string name) => (Schema(name)["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).Order().ToArray();
        string Types(string schema, string property) => Schema(schema)["properties"]![property]!["type"]!.ToJsonString();
        string[] Values(string schema, string property) =>
            Schema(schema)["properties"]![property]!["enum"]!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>()).ToArray();

        // required as the decisions refuse a missing field; a span may be omitted (the quote is then found)
        Assert.Equal(["actorId", "quote", "quoteKind", "saidOn", "sourceId"], Required("RecordStatementRequest"));
        Assert.Equal(["reason"], Required("AmendStatementRequest"));
        Assert.Equal(["reason"], Required("UnlinkStatementRequest"));
        Assert.Equal(["end", "start"], Required("SpanRequest"));
        // null only where it is accepted (an optional request field), never in an answer (null fields are left out)
        Assert.Equal("\"string\"", Types("RecordStatementRequest", "actorId"));
        Assert.Contains("null", Types("RecordStatementRequest", "occasion"));
        Assert.Equal("\"string\"", Types("StatementView", "occasion"));
        Assert.DoesNotContain("occasion", Required("StatementView"));
        Assert.Contains("quote", Required("StatementView"));
        // the vocabularies, and the span's unit and end
        Assert.Equal(["direct", "reported", "joint"], Values("RecordStatementRequest", "quoteKind"));
        Assert.Equal(["recorded", "verified", "disputed", "retracted"], Values("StatementView", "status"));
        Assert.Equal(["repeats", "clarifies", "contradicts", "supersedes", "responds-to"], Values("LinkView", "relation"));
        Assert.Equal(["person", "organisation"], Values("RegisterActorRequest", "kind"));
        foreach (var span in new[] { "TextSpan", "SpanRequest" })
        {
            var description = Schema(span)["description"]!.GetValue<string>();
            Assert.Contains("Unicode code points", description);
            Assert.Contains("end is excluded", description);
        }
        // errors name their fields, and a refused quote carries its evidence
        var problem = Schema("ProblemDetails")["properties"]!.AsObject();
        Assert.All(new[] { "errors", "occurrences", "occurrenceCount", "closest", "atSpan" }, p => Assert.True(problem.ContainsKey(p), p));
    }

    [Fact]
    public void OpenApi_Document_RequiresAKeyGloballyAndShowsAnExampleOfEveryWriteBody()
    {
        var global = host.Document["security"]!.AsArray();
        Assert.True(global.Single()!.AsObject().ContainsKey("bearer"));
        var operations = host.Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!.AsObject())))
            .ToList();
        var bodies = operations.Where(o => o.Operation["requestBody"] is not null).ToList();
        Assert.True(bodies.Count >= 20, $"only {bodies.Count} operations take a body");
        Assert.All(bodies, o => Assert.True(o.Operation["requestBody"]!["content"]!["application/json"]!["example"] is JsonObject, $"{o.Name} has no example body"));
        Assert.Equal([], operations.Where(o => o.Name.StartsWith("GET /health") && o.Operation["security"]!.AsArray().Count > 0).Select(o => o.Name));
        var search = operations.Single(o => o.Name == "GET /api/statements").Operation["parameters"]!.AsArray();
        Assert.Equal("date", search.Single(p => p!["name"]!.GetValue<string>() == "saidFrom")!["schema"]!["format"]!.GetValue<string>());
        Assert.Contains(search, p => p!["name"]!.GetValue<string>() == "minPosition");
    }

    /// <summary>
    /// Runs npx with its cache under the test output (so it needs no home directory and works as root in CI),
    /// without colour, update notices or telemetry; stdout and stderr interleaved as they arrive.
    /// </summary>
    private static async Task<(int Exit, string Output)> Run(string file, IEnumerable<string> args, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["npm_config_cache"] = Path.Combine(AppContext.BaseDirectory, ".npm-cache");
        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";
        start.Environment["npm_config_audit"] = "false";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new Xunit.Sdk.XunitException($"could not start '{file}' ({e.Message}): the lint needs Node.js (>= 20.19) with npm/npx on PATH");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            string partial;
            lock (output) partial = output.ToString();
            throw new Xunit.Sdk.XunitException(
                $"'{file} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalMinutes:0} minutes " +
                $"(installing {RedoclyCli} from the npm registry, or linting, hung) and was stopped. Output so far:\n{partial}");
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>Stylish output names a problem by line:column only; adds the JSON pointer of what starts on that line.</summary>
    private static string Annotate(string output, string json)
    {
        var pointers = PointersByLine(json);
        return Regex.Replace(output, @"^(\s*(\d+):\d+\s+(?:error|warning)\s.*?)\s*$",
            m => pointers.TryGetValue(int.Parse(m.Groups[2].Value), out var pointer) ? $"{m.Groups[1].Value}  [#{pointer}]" : m.Value,
            RegexOptions.Multiline);
    }

    /// <summary>For each line of the JSON text, the pointer of the first member or array element that starts on it.</summary>
    private static Dictionary<int, string> PointersByLine(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        int LineOf(long offset) { var i = lineStarts.BinarySearch((int)offset); return (i >= 0 ? i : ~i - 1) + 1; }
        static string Escape(string s) => s.Replace("~", "~0").Replace("/", "~1");

        var pointers = new Dictionary<int, string>();
        var path = new List<string>();
        var containers = new Stack<int[]>(); // [next array index], or [-1] for an object
        string? member = null;
        string? Next() => containers.Count == 0 ? null : containers.Peek()[0] < 0 ? member : (containers.Peek()[0]++).ToString();
        string Pointer(string? last = null) => string.Concat(path.Append(last).OfType<string>().Select(s => "/" + Escape(s)));

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            var line = LineOf(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = reader.GetString();
                    pointers.TryAdd(line, Pointer(member));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (Next() is { } segment) path.Add(segment);
                    pointers.TryAdd(line, Pointer());
                    containers.Push([reader.TokenType == JsonTokenType.StartArray ? 0 : -1]);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    if (containers.Count > 0) path.RemoveAt(path.Count - 1);
                    break;
                default:
                    if (containers.Count > 0 && containers.Peek()[0] >= 0) pointers.TryAdd(line, Pointer(Next()));
                    break;
            }
        }
        return pointers;
    }

    private static bool IsHttpMethod(string key) =>
        key is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace";

    /// <summary>The document itself and the Scalar reference UI are plumbing, not API.</summary>
    private static bool IsDocumentationEndpoint(RoutePattern pattern)
    {
        var path = Normalise(pattern);
        return path.StartsWith("/openapi/", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/docs", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/docs/", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalise(string template) => Normalise(RoutePatternFactory.Parse(template));

    /// <summary>
    /// A route in OpenAPI's path-template form: parameters as '{name}' without constraints, defaults, optional or
    /// catch-all markers; a leading slash; no trailing slash (a group's "/" maps to the group's own path).
    /// </summary>
    private static string Normalise(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        })));
        return "/" + string.Join('/', segments.Where(s => s.Length > 0));
    }

    private static bool IsStatusClass(string code, char first) =>
        code.Length == 3 && code[0] == first && (Regex.IsMatch(code[1..], "^[0-9]{2}$") || code[1..].Equals("XX", StringComparison.OrdinalIgnoreCase));

    private static string Codes(JsonObject responses) => responses.Count == 0 ? "none" : string.Join(", ", responses.Select(r => r.Key));

    /// <summary>An application/problem+json body whose schema has RFC 9457's 'title' and 'status' members.</summary>
    private bool HasProblemSchema(JsonNode? response)
    {
        var content = Resolve(response)?["content"] as JsonObject;
        var media = content?.FirstOrDefault(c => c.Key.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase)).Value;
        var properties = Properties(media?["schema"], depth: 0);
        return properties.Contains("title") && properties.Contains("status");
    }

    private HashSet<string> Properties(JsonNode? schema, int depth)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (Resolve(schema) is not JsonObject resolved || depth > 10) return names;
        if (resolved["properties"] is JsonObject properties) names.UnionWith(properties.Select(p => p.Key));
        if (resolved["allOf"] is JsonArray all)
            foreach (var part in all) names.UnionWith(Properties(part, depth + 1));
        return names;
    }

    /// <summary>Follows a local '$ref' ("#/components/...") to what it names.</summary>
    private JsonObject? Resolve(JsonNode? node)
    {
        for (var hops = 0; node is JsonObject obj && obj["$ref"] is JsonValue reference && hops < 10; hops++)
        {
            var pointer = reference.GetValue<string>();
            if (!pointer.StartsWith("#/", StringComparison.Ordinal)) return null;
            node = pointer[2..].Split('/').Select(p => p.Replace("~1", "/").Replace("~0", "~"))
                .Aggregate((JsonNode?)host.Document, (current, key) => current?[key]);
        }
        return node as JsonObject;
    }
}
