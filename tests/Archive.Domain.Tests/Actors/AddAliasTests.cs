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

    [Fact]
    public void AddAlias_Padded_RecordsTrimmedAndRepeatIsNoOp()
    {
        var added = Then.Accepted<ActorAliasAdded>(AddAlias.Handle(Given(ActorRegistered()), new AddAlias(ActorId, "  Spokesman Lin "), Context));

        Assert.Equal("Spokesman Lin", added.Alias);
        Then.NoOp(AddAlias.Handle(Given(ActorRegistered(), added), new AddAlias(ActorId, "Spokesman Lin "), Context));
    }

    [Fact]
    public void AddAlias_BeyondLimit_IsConflictNamingAlias()
    {
        var many = Enumerable.Range(0, AddAlias.MaxAliases).Select(i => (object)new ActorAliasAdded(ActorId, $"Alias {i}", Archivist, Earlier));
        var state = Given([ActorRegistered() with { Aliases = [] }, .. many]);

        Then.Refused(AddAlias.Handle(state, new AddAlias(ActorId, "One more"), Context), ErrorKind.Conflict, "alias");
    }

    [Fact]
    public void AddAlias_Blank_IsRefusedNamingAlias() =>
        Then.Refused(AddAlias.Handle(Given(ActorRegistered()), new AddAlias(ActorId, " "), Context), ErrorKind.Validation, "alias");
}
