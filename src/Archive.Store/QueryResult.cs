using Archive.Domain.Common;

namespace Archive.Store;

/// <summary>A query's answer, or why it was refused (every bad parameter), for the caller to show as it shows refusals.</summary>
public sealed record QueryResult<T>(T? Value, IReadOnlyList<DomainError> Errors) where T : class
{
    public static QueryResult<T> Of(T value) => new(value, []);

    public static QueryResult<T> Refused(IReadOnlyList<DomainError> errors) => new(null, errors);
}

/// <summary>A page of a list in id order, and the cursor of the next page (null on the last).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? Next);
