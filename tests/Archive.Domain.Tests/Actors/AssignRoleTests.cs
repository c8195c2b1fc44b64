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

    [Fact]
    public void AssignRole_WithoutFrom_IsRefusedNamingFrom() =>
        Then.Refused(AssignRole.Handle(Given(ActorRegistered()), Spokesperson with { From = null }, Context), ErrorKind.Validation, "from");

    [Fact]
    public void AssignRole_FromInFuture_IsRefusedNamingFrom() =>
        Then.Refused(AssignRole.Handle(Given(ActorRegistered()), Spokesperson with { From = new DateOnly(2025, 3, 3) }, Context),
            ErrorKind.Validation, "from");

    [Fact]
    public void AssignRole_FromBeforeYear1000_IsRefusedNamingFrom() =>
        Then.Refused(AssignRole.Handle(Given(ActorRegistered()), Spokesperson with { From = new DateOnly(999, 12, 31) }, Context),
            ErrorKind.Validation, "from");

    [Fact]
    public void AssignRole_EndingInFuture_IsAccepted() =>
        Then.Accepted<ActorRoleAssigned>(AssignRole.Handle(Given(ActorRegistered()), Spokesperson with { To = new DateOnly(2027, 12, 31) }, Context));

    [Fact]
    public void AssignRole_BlankOrganisation_IsRefusedNamingOrganisation() =>
        Then.Refused(AssignRole.Handle(Given(ActorRegistered()), Spokesperson with { Organisation = " " }, Context), ErrorKind.Validation, "organisation");

    [Fact]
    public void Apply_SameRoleAssignedAgainWithEnd_EndsItInsteadOfAddingAnother()
    {
        var open = new ActorRoleAssigned(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1), null, Archivist, Earlier);
        var ending = Then.Accepted<ActorRoleAssigned>(AssignRole.Handle(Given(ActorRegistered(), open), Spokesperson with { To = new DateOnly(2025, 1, 31) }, Context));

        var roles = Given(ActorRegistered(), open, ending).Roles;

        Assert.Equal([new ActorRole("Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 31))], roles);
    }

    [Fact]
    public void Apply_SameRoleFromAnotherDay_AddsSecondTerm()
    {
        var first = new ActorRoleAssigned(ActorId, "Spokesperson", "Ministry of Foreign Affairs", new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), Archivist, Earlier);
        var second = Then.Accepted<ActorRoleAssigned>(AssignRole.Handle(Given(ActorRegistered(), first), Spokesperson, Context));

        Assert.Equal(2, Given(ActorRegistered(), first, second).Roles.Count);
    }
}
