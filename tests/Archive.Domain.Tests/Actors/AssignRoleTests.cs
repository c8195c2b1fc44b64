using Archive.Domain.Actors;
using Archive.Domain.Common;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Actors;

public sealed class AssignRoleTests
{
    private static readonly AssignRole Spokesperson =
        new(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1));

    [Fact]
    public void AssignRole_NewRole_RecordsActorRoleAssigned() =>
        Assert.Equal(
            new ActorRoleAssigned(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1), null, Archivist, Now),
            Then.Accepted<ActorRoleAssigned>(AssignRole.Handle(Given(ActorRegistered()), Spokesperson, Context)));

    [Fact]
    public void AssignRole_SameRoleTwice_IsNoOp()
    {
        var state = Given(ActorRegistered(),
            new ActorRoleAssigned(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1), null, Archivist, Earlier));

        Then.NoOp(AssignRole.Handle(state, Spokesperson, Context));
    }

    [Fact]
    public void AssignRole_EndsBeforeItStarts_IsRefusedNamingTo() =>
        Then.Refused(AssignRole.Handle(Given(ActorRegistered()), Spokesperson with { To = new DateOnly(2023, 12, 31) }, Context),
            ErrorKind.Validation, "to");

    [Fact]
    public void AssignRole_UnregisteredActor_IsNotFoundNamingActorId() =>
        Then.Refused(AssignRole.Handle(ActorState.Empty, Spokesperson, Context), ErrorKind.NotFound, "actorId");
}
