using Archive.Domain.Actors;
using Archive.Domain.Common;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Actors;

public sealed class AddAliasTests
{
    [Fact]
    public void AddAlias_NewAlias_RecordsActorAliasAdded() =>
        Assert.Equal(new ActorAliasAdded(ActorId, "Spokesman Lin", Archivist, Now),
            Then.Accepted<ActorAliasAdded>(AddAlias.Handle(Given(ActorRegistered()), new AddAlias(ActorId, "Spokesman Lin"), Context)));

    [Theory]
    [InlineData("林剑")]
    [InlineData("Lin Jian")]
    public void AddAlias_AlreadyKnownAliasOrName_IsNoOp(string alias) =>
        Then.NoOp(AddAlias.Handle(Given(ActorRegistered()), new AddAlias(ActorId, alias), Context));

    [Fact]
    public void AddAlias_Twice_IsNoOp()
    {
        var state = Given(ActorRegistered(), new ActorAliasAdded(ActorId, "Spokesman Lin", Archivist, Earlier));

        Then.NoOp(AddAlias.Handle(state, new AddAlias(ActorId, "Spokesman Lin"), Context));
    }

    [Fact]
    public void AddAlias_UnregisteredActor_IsNotFoundNamingActorId() =>
        Then.Refused(AddAlias.Handle(ActorState.Empty, new AddAlias(ActorId, "Spokesman Lin"), Context), ErrorKind.NotFound, "actorId");
}
