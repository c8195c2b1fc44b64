using Archive.Api.Http;
using Npgsql;
using Xunit;

namespace Archive.Api.Tests;

/// <summary>Which failures a client is told to retry (503 naming the dependency) and which are the archive's own bugs (500).</summary>
public sealed class UnavailabilityTests
{
    private static Exception Failure(string kind) => kind switch
    {
        "silo gone" => new SiloUnavailableException(),
        "grain call timed out" => new TimeoutException("Response did not arrive on time"),
        "runtime" => new OrleansException("the grain directory partition is moving"),
        "runtime, wrapped" => new InvalidOperationException("wrapped", new OrleansException("placement failed")),
        "database" => new NpgsqlException("connection refused"),
        "bug" => new InvalidOperationException("a bug of ours"),
        "missing key" => new KeyNotFoundException("statement"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("silo gone", "silo")]
    [InlineData("grain call timed out", "silo")]
    [InlineData("runtime", "silo")]
    [InlineData("runtime, wrapped", "silo")]
    [InlineData("database", "database")]
    [InlineData("bug", null)]
    [InlineData("missing key", null)]
    public void DependencyOf_AFailure_NamesTheDependencyARetryWaitsFor(string kind, string? expected) =>
        Assert.Equal(expected, Unavailability.DependencyOf(Failure(kind)));
}
