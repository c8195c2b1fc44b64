using Archive.Domain.Common;
using Xunit;

namespace Archive.Domain.Tests;

/// <summary>Assertions on a <see cref="Decision"/> that say what was expected and what came instead.</summary>
internal static class Then
{
    public static T Accepted<T>(Decision decision)
    {
        Assert.True(decision.Succeeded, $"expected {typeof(T).Name} but the command was refused: {Describe(decision.Errors)}");
        var single = Assert.Single(decision.Events);
        return Assert.IsType<T>(single);
    }

    public static void NoOp(Decision decision)
    {
        Assert.True(decision.Succeeded, $"expected a no-op but the command was refused: {Describe(decision.Errors)}");
        Assert.True(decision.Events.Count == 0, $"expected a no-op but got events: {string.Join(", ", decision.Events.Select(e => e.GetType().Name))}");
    }

    public static DomainError Refused(Decision decision, ErrorKind kind, string field)
    {
        Assert.True(decision.Events.Count == 0, $"expected a refusal ({kind} on '{field}') but got events: {string.Join(", ", decision.Events.Select(e => e.GetType().Name))}");
        var error = decision.Errors.FirstOrDefault(e => e.Kind == kind && e.Field == field);
        Assert.True(error is not null, $"expected {kind} on '{field}' but got: {Describe(decision.Errors)}");
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        return error;
    }

    private static string Describe(IReadOnlyList<DomainError> errors) =>
        errors.Count == 0 ? "(no errors)" : string.Join("; ", errors.Select(e => $"{e.Kind} {e.Field}: {e.Reason}"));
}
