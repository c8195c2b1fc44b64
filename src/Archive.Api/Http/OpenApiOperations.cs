using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Api.Reads;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archive.Api.Http;

/// <summary>
/// What each operation and the document as a whole say beyond their types: example bodies, the read-your-writes
/// parameters of the endpoints that honour them, the query parameters' formats and values, the answers every request
/// can get (413 for an oversized body, 503 while PostgreSQL or the silos are away), the tags and the API itself.
/// </summary>
public static class OpenApiOperations
{
    private static readonly JsonSerializerOptions ExampleJson = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Health"] = "Liveness and readiness: PostgreSQL, the silos and every projection, without a key.",
        ["Change feed"] = "Every event in global order after a position, resumable; for auditors.",
        ["Audit"] = "Histories, revisions and diffs, the hash chains' verification, export bundles and the seal key; for auditors.",
        ["Projections"] = "The read models, their state, and their rebuilds from the events.",
        ["Statements"] = "Recording statements from sources and every later decision about them; the current views and search.",
        ["Actors"] = "The people and organisations who speak: registration, roles, aliases, profiles and timelines.",
        ["Topics"] = "The subjects statements are filed under: opening, renaming, merging, filing and timelines.",
        ["Sources"] = "The documents statements are taken from: registration, corrections of their description, and finding a quote in them.",
        ["Candidates"] = "The statements the extractor proposes in a source, and accepting one as a recorded statement.",
        ["Export"] = "Every statement for other tools: schema.org JSON-LD with Web Annotation selectors, and CSV.",
    };

    public static OpenApiOptions DescribeOperations(this OpenApiOptions options)
    {
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<BodyExample>().LastOrDefault() is { } example)
                foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                    media.Example = JsonSerializer.SerializeToNode(example.Value, ExampleJson);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? []) DescribeQuery(parameter);
            if (metadata.OfType<ReadsFromMetadata>().LastOrDefault() is { } reads) AddMinPosition(operation, reads);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Statement Archive";
            document.Info.Description = "An event-sourced archive of public statements: who said what, when, in what capacity, on which topics and " +
                                        "where it was published. Every change is an event with who, when and why; nothing is overwritten. Errors are " +
                                        "application/problem+json with an `errors` object naming each field. Spans are [start, end) Unicode code points.";
            // No licence is granted: an SPDX reference of our own says so.
            document.Info.License = new OpenApiLicense { Name = "All rights reserved", Identifier = "LicenseRef-All-Rights-Reserved" };
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                if (tag.Name is { } name && Tags.TryGetValue(name, out var description)) tag.Description = description;
            AddCommonAnswers(document);
            return Task.CompletedTask;
        });
        return options;
    }

    private static void DescribeQuery(OpenApiParameter parameter)
    {
        if (parameter.In != ParameterLocation.Query || parameter.Schema is not OpenApiSchema schema) return;
        if (schema.Format == "date") parameter.Description ??= $"An ISO 8601 date, YYYY-MM-DD (e.g. 2025-01-31); any other form is a 400.";
        if (schema.Format == "date-time")
            parameter.Description ??= "An ISO 8601 instant with an offset (e.g. 2026-01-04T10:00:00Z); send a '+' offset as %2B. Any other form is a 400.";
        if (OpenApiSchemas.QueryEnums.TryGetValue(parameter.Name ?? "", out var values) && schema.Type == JsonSchemaType.String)
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
    }

    private static void AddMinPosition(OpenApiOperation operation, ReadsFromMetadata reads)
    {
        var models = string.Join(", ", reads.Models.Select(m => m.Name));
        var position = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ReadYourWrites.Query, In = ParameterLocation.Query, Schema = position,
            Description = $"A position a write returned: the answer waits (at most {ReadYourWrites.Bound.TotalSeconds:0} s) until the read models " +
                          $"this reads ({models}) have processed it, else 503 with Retry-After.",
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ReadYourWrites.Header, In = ParameterLocation.Header, Schema = position.CreateShallowCopy(),
            Description = $"The same as the {ReadYourWrites.Query} query parameter, as a header.",
        });
    }

    /// <summary>413 and 503 are answers of every operation: the body limit and an outage apply to all of them.</summary>
    private static void AddCommonAnswers(OpenApiDocument document)
    {
        var operations = document.Paths?.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).ToArray() ?? [];
        var problem = operations.SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).OfType<OpenApiResponse>()
            .Select(r => r.Content is { } content && content.TryGetValue("application/problem+json", out var media) ? media.Schema : null).FirstOrDefault(s => s is not null);
        if (problem is null) return;
        foreach (var operation in operations)
        {
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("413", Answer(problem, $"The request's body is over {ApiHosting.MaxBody} bytes, with a declared length or sent chunked."));
            if (!operation.Responses.ContainsKey("503") && operation.Security is not { Count: 0 })
                operation.Responses.Add("503", Answer(problem, "PostgreSQL or the silos are away (errors names which), with Retry-After; a retry is safe."));
        }
    }

    private static OpenApiResponse Answer(IOpenApiSchema problem, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
    };
}
