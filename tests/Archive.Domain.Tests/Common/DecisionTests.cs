using Archive.Domain.Common;
using Xunit;

namespace Archive.Domain.Tests.Common;

public sealed class DecisionTests
{
    [Fact]
    public void NoOp_HasNeitherEventsNorErrors_IsSucceededNoOp()
    {
        var decision = Decision.NoOp;

        Assert.True(decision.Succeeded);
        Assert.True(decision.IsNoOp);
    }

    [Fact]
    public void Accept_WithEvent_IsSucceededNotNoOp()
    {
        var decision = Decision.Accept(new object());

        Assert.True(decision.Succeeded);
        Assert.False(decision.IsNoOp);
    }

    [Fact]
    public void Refuse_WithError_IsNeitherSucceededNorNoOp()
    {
        var decision = Decision.NotFound("id", "missing");

        Assert.False(decision.Succeeded);
        Assert.False(decision.IsNoOp);
        Assert.Empty(decision.Events);
        Assert.Equal(new DomainError(ErrorKind.NotFound, "id", "missing"), Assert.Single(decision.Errors));
    }
}
