using System.Reflection;
using System.Text.Json.Nodes;
using Archive.Api.Actors;
using Archive.Api.Statements;
using Archive.Domain.Actors;
using Archive.Domain.Statements;
using Archive.Store.Actors;
using Archive.Store.Statements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archive.Api.Http;

/// <summary>
/// Makes the schemas say what the API does. A request body's required fields are those marked required (what the
/// decisions refuse when missing), and only its optional fields accept null (null means "not given"); an answer never
/// carries null (null fields are left out), so its fields are required exactly when they are never left out. Kinds,
/// statuses and relations list their values; spans say their unit and that their end is exclusive.
/// </summary>
public static class OpenApiSchemas
{
    public const string SpanDescription =
        "A stretch of a source's stored text (NFC, \\n line ends, trimmed): [start, end) in Unicode code points, not UTF-16 units and not " +
        "bytes; start counts from 0 and is included, end is excluded, so end - start is the passage's length in code points.";

    private static readonly string[] Statuses = [StatementStatus.Recorded, StatementStatus.Verified, StatementStatus.Disputed, StatementStatus.Retracted];

    /// <summary>The values a field can take, by the type that declares it and its JSON name.</summary>
    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Enums = new()
    {
        [(typeof(RegisterActorRequest), "kind")] = RegisterActor.Kinds,
        [(typeof(ActorView), "kind")] = RegisterActor.Kinds,
        [(typeof(RecordStatementRequest), "quoteKind")] = QuoteKinds.All,
        [(typeof(AmendStatementRequest), "quoteKind")] = QuoteKinds.All,
        [(typeof(StatementView), "quoteKind")] = QuoteKinds.All,
        [(typeof(StatementItem), "quoteKind")] = QuoteKinds.All,
        [(typeof(StatementView), "status")] = Statuses,
        [(typeof(StatementItem), "status")] = Statuses,
        [(typeof(LinkStatementRequest), "relation")] = LinkRelations.All,
        [(typeof(UnlinkStatementRequest), "relation")] = LinkRelations.All,
        [(typeof(LinkView), "relation")] = LinkRelations.All,
        [(typeof(LinkView), "direction")] = ["outgoing", "incoming"],
    };

    /// <summary>The values of the query parameters that filter on a vocabulary.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> QueryEnums = new Dictionary<string, IReadOnlyList<string>>
    {
        ["status"] = Statuses,
        ["quoteKind"] = QuoteKinds.All,
    };

    public static OpenApiOptions DescribeSchemasTruly(this OpenApiOptions options)
    {
        // Called for each type's schema, and again for each property's (whose type's schema may only ever be seen there).
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(TextSpan) || type == typeof(SpanRequest)) Span(schema);
            if (typeof(ProblemDetails).IsAssignableFrom(type)) Problem(schema);
            if (IsOurs(type)) Required(schema, type);
            if (context.JsonPropertyInfo is { AttributeProvider: PropertyInfo property, DeclaringType: var holder } info && IsOurs(holder))
                Property(schema, holder, property, info.Name);
            return Task.CompletedTask;
        });
        return options;
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Archive.", StringComparison.Ordinal) == true;

    private static bool IsRequest(Type type) => type.Name.EndsWith("Request", StringComparison.Ordinal);

    private static bool MustBeGiven(Type holder, PropertyInfo property) =>
        IsRequest(holder) ? RequestShapes.IsRequired(property) : !CanBeNull(property, new NullabilityInfoContext());

    private static void Span(OpenApiSchema schema)
    {
        schema.Description = SpanDescription;
        foreach (var end in schema.Properties?.Values.OfType<OpenApiSchema>() ?? []) end.Minimum = "0";
    }

    private static void Required(OpenApiSchema schema, Type type)
    {
        if (schema.Properties is not { Count: > 0 } properties) return;
        schema.Required = RequestShapes.Fields(type)
            .Where(p => properties.ContainsKey(RequestShapes.JsonName(p)) && MustBeGiven(type, p))
            .Select(RequestShapes.JsonName).ToHashSet(StringComparer.Ordinal);
    }

    private static void Property(OpenApiSchema schema, Type holder, PropertyInfo property, string name)
    {
        // An answer leaves null fields out; a request accepts null only for an optional field (meaning "not given").
        if (!IsRequest(holder) || RequestShapes.IsRequired(property))
        {
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null) schema.Type = type & ~JsonSchemaType.Null;
            schema.Metadata?.Remove(NullablePropertyKey);
        }
        if (Enums.TryGetValue((holder, name), out var values))
        {
            schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
            // An optional request field that accepts null must list it among its values, or the schema refuses it.
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)) schema.Enum.Add(null!);
        }
    }

    /// <summary>The mark by which the document generator later turns a property's reference into "null or the reference".</summary>
    private const string NullablePropertyKey = "x-is-nullable-property";

    private static void Problem(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, field) in schema.Properties.ToArray()) schema.Properties[name] = NonNull(field);
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Every field that was wrong (a JSON path such as span.end or items[3].quote), with its reasons.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        schema.Properties["occurrences"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array, Items = Passage("An occurrence of the quote"),
            Description = "A refused quote only: every place the quote occurs in the source (at most 1000), in text order.",
        };
        schema.Properties["occurrenceCount"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "A refused quote only: how many times it occurs." };
        schema.Properties["closest"] = Passage("A quote that does not occur: the passage of the source most like it.");
        schema.Properties["atSpan"] = Passage("A quote that does not match the span sent: what the source has at that span.");
        schema.Required = new HashSet<string> { "title", "status", "detail", "errors" };
        // The framework adds members of its own (traceId).
        schema.AdditionalPropertiesAllowed = true;
        schema.AdditionalProperties = null;
    }

    private static OpenApiSchema Passage(string description) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = new HashSet<string> { "span", "text" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["span"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = SpanDescription, Required = new HashSet<string> { "start", "end" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["start"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
                    ["end"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
                },
            },
            ["text"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The source's own characters at the span." },
        },
    };

    private static bool CanBeNull(PropertyInfo property, NullabilityInfoContext context) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : context.Create(property).ReadState != NullabilityState.NotNull;

    /// <summary>The schema without "or null": a nullable reference's oneOf becomes the reference, a type loses its null.</summary>
    private static IOpenApiSchema NonNull(IOpenApiSchema field)
    {
        if (field is not OpenApiSchema schema) return field;
        if (schema.OneOf is { Count: 2 } choices && choices.Count(IsNull) == 1) return choices.Single(c => !IsNull(c));
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null) schema.Type = type & ~JsonSchemaType.Null;
        return schema;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
