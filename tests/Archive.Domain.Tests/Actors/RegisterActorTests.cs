using Archive.Domain.Actors;
using Archive.Domain.Common;
using Xunit;
using static Archive.Domain.Tests.Fixtures;

namespace Archive.Domain.Tests.Actors;

public sealed class RegisterActorTests
{
    private static RegisterActor Command() => new(ActorId, "Lin Jian", "person", "CN", ["林剑"]);

    [Fact]
    public void RegisterActor_NewActor_RecordsActorRegistered()
    {
        var registered = Then.Accepted<ActorRegistered>(RegisterActor.Handle(ActorState.Empty, Command(), Context));

        Assert.Equal(ActorRegistered() with { RegisteredAt = Now, Aliases = registered.Aliases }, registered);
        Assert.Equal(["林剑"], registered.Aliases);
    }

    [Fact]
    public void RegisterActor_NameWithSurroundingSpaces_RecordsTrimmedName() =>
        Assert.Equal("Lin Jian", Then.Accepted<ActorRegistered>(
            RegisterActor.Handle(ActorState.Empty, Command() with { Name = "  Lin Jian " }, Context)).Name);

    [Fact]
    public void RegisterActor_RepeatedAliases_RecordsEachOnce() =>
        Assert.Equal(["LJ", "林剑"], Then.Accepted<ActorRegistered>(
            RegisterActor.Handle(ActorState.Empty, Command() with { Aliases = ["LJ", "林剑", "LJ"] }, Context)).Aliases);

    [Fact]
    public void RegisterActor_TwiceWithSameDetails_IsNoOp() =>
        Then.NoOp(RegisterActor.Handle(Given(ActorRegistered()), Command(), Context));

    // The stored name is trimmed: a retry of the very same command must still compare equal.
    [Fact]
    public void RegisterActor_SameCommandWithPaddedNameTwice_IsNoOp()
    {
        var command = Command() with { Name = " Lin Jian " };
        var first = Then.Accepted<ActorRegistered>(RegisterActor.Handle(ActorState.Empty, command, Context));

        var decision = RegisterActor.Handle(Given(first), command, Context);

        Then.NoOp(decision);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("country")]
    [InlineData("aliases")]
    public void RegisterActor_TwiceWithDifferentDetails_IsConflictOnId(string differs)
    {
        var command = differs switch
        {
            "name" => Command() with { Name = "Lin Jianguo" },
            "kind" => Command() with { Kind = "organisation" },
            "country" => Command() with { Country = "TW" },
            _ => Command() with { Aliases = ["林剑", "Spokesman Lin"] },
        };

        var decision = RegisterActor.Handle(Given(ActorRegistered()), command, Context);

        Then.Refused(decision, ErrorKind.Conflict, "id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Lin-Jian")]
    [InlineData("lin jian")]
    [InlineData("lin--jian")]
    [InlineData("l")]
    [InlineData("lin-jian-")]
    [InlineData("林剑")]
    public void RegisterActor_MalformedId_IsRefusedNamingId(string actorId) =>
        Then.Refused(RegisterActor.Handle(ActorState.Empty, Command() with { ActorId = actorId }, Context), ErrorKind.Validation, "id");

    [Fact]
    public void RegisterActor_UnknownKind_IsRefusedNamingKind() =>
        Then.Refused(RegisterActor.Handle(ActorState.Empty, Command() with { Kind = "robot" }, Context), ErrorKind.Validation, "kind");

    [Theory]
    [InlineData("China")]
    [InlineData("cn")]
    [InlineData("CHN")]
    public void RegisterActor_CountryNotAlpha2_IsRefusedNamingCountry(string country) =>
        Then.Refused(RegisterActor.Handle(ActorState.Empty, Command() with { Country = country }, Context), ErrorKind.Validation, "country");

    [Fact]
    public void RegisterActor_BlankAlias_IsRefusedNamingAliasIndex() =>
        Then.Refused(RegisterActor.Handle(ActorState.Empty, Command() with { Aliases = ["LJ", " "] }, Context), ErrorKind.Validation, "aliases[1]");

    [Fact]
    public void RegisterActor_FiftyOneAliases_IsRefusedNamingAliases() =>
        Then.Refused(RegisterActor.Handle(ActorState.Empty, Command() with { Aliases = Enumerable.Range(0, 51).Select(i => $"alias {i}").ToArray() }, Context),
            ErrorKind.Validation, "aliases");
}
