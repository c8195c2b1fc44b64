using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Archive.Api.Security;

/// <summary>Declares the bearer scheme, and on each operation whether it needs a key (and which role, in its description).</summary>
public static class OpenApiSecurity
{
    public const string SchemeName = "bearer";

    public static OpenApiOptions DeclareBearerKeys(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key: 'Authorization: Bearer <key>'. Roles: reader (current read models), auditor (also history, " +
                              "time travel, audit, the change feed), archivist (everything, writes included).",
            };
            // Required everywhere unless an operation says otherwise, so interactive references offer the key field.
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
                return Task.CompletedTask;
            }
            var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
            if (policy is not null)
                operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : "\n\n")}Needs a key with the {string.Join(" or ", Roles.Admitted(policy))} role.";
            return Task.CompletedTask;
        });
        return options;
    }
}
