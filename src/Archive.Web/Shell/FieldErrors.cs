using Archive.Domain.Common;

namespace Archive.Web.Shell;

/// <summary>
/// A refused form's reasons by form field. The archive names fields as its API does (<c>actorId</c>, <c>span.end</c>,
/// <c>topics</c>); a page maps them onto its own fields so each reason shows next to the field it is about.
/// </summary>
public sealed class FieldErrors
{
    public static readonly FieldErrors None = new();

    private readonly List<(string Field, string Reason)> _all = [];

    public bool Any => _all.Count > 0;

    public IReadOnlyList<(string Field, string Reason)> All => _all;

    /// <summary>The HTTP status a refusal carries: invalid input 400, an unknown id 404, a conflict with the record 409.</summary>
    public int Status { get; private set; } = StatusCodes.Status400BadRequest;

    public FieldErrors Add(string field, string reason)
    {
        _all.Add((field, reason));
        return this;
    }

    public IReadOnlyList<string> Of(string field) => _all.Where(e => e.Field == field).Select(e => e.Reason).ToArray();

    public bool Has(string field) => _all.Any(e => e.Field == field);

    /// <summary>The value of <c>aria-invalid</c>: "true", or null so the attribute is left out.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>The value of <c>aria-describedby</c>: the field's hint and its error, when they are shown.</summary>
    public string? DescribedBy(string field, string? hint = null)
    {
        var ids = new[] { hint, Has(field) ? field + "-error" : null }.Where(id => id is not null);
        return string.Join(' ', ids) is { Length: > 0 } value ? value : null;
    }

    /// <summary>The archive's reasons, each placed on the form field <paramref name="fieldOf"/> names for its field.</summary>
    public static FieldErrors From(IEnumerable<DomainError> errors, Func<string, string> fieldOf)
    {
        var list = errors.ToList();
        var result = new FieldErrors
        {
            Status = list.Any(e => e.Kind == ErrorKind.Validation) ? StatusCodes.Status400BadRequest
                : list.Any(e => e.Kind == ErrorKind.NotFound) ? StatusCodes.Status404NotFound
                : StatusCodes.Status409Conflict,
        };
        foreach (var error in list) result.Add(fieldOf(error.Field), error.Reason);
        return result;
    }
}
