using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Archive.Domain.Tests;

public sealed class EventAliasesTests
{
    // The events of DESIGN.md, "Streams and events (v1)", and the unlinking and reinstatement that made every change reversible.
    private static readonly string[] DesignEvents =
    [
        "ActorRegistered", "ActorRoleAssigned", "ActorAliasAdded", "StatementRecorded", "StatementVerified", "StatementAmended",
        "StatementDisputed", "StatementRetracted", "StatementLinked", "StatementUnlinked", "StatementReinstated", "TopicOpened",
        "TopicRenamed", "TopicMerged", "StatementFiled", "StatementUnfiled", "SourceRegistered", "SourceCorrected",
        // the archive's own seals (DESIGN.md, hash chain and seals)
        "SealRecorded",
    ];

    private static readonly string[] EventNamespaces =
        ["Archive.Domain.Actors", "Archive.Domain.Statements", "Archive.Domain.Topics", "Archive.Domain.Sources", "Archive.Domain.Audit"];

    private static IEnumerable<Type> SealedRecordsInEventNamespaces() =>
        typeof(EventAliases).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsSealed: true } && EventNamespaces.Contains(t.Namespace)
            && t.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null);

    private static Type[] EventTypes() => SealedRecordsInEventNamespaces().Where(t => DesignEvents.Contains(t.Name)).ToArray();

    [Fact]
    public void EventTypes_InDomainAssembly_AreExactlyTheDesignEvents() =>
        Assert.Equal(DesignEvents.Order(StringComparer.Ordinal), EventTypes().Select(t => t.Name).Order(StringComparer.Ordinal));

    [Fact]
    public void ByType_EveryEventType_HasAlias()
    {
        var missing = EventTypes().Where(t => !EventAliases.ByType.ContainsKey(t)).Select(t => t.Name).ToArray();

        Assert.True(missing.Length == 0, $"events without an alias: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ByType_Aliases_AreUnique()
    {
        var repeated = EventAliases.ByType.Values.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.True(repeated.Length == 0, $"aliases used twice: {string.Join(", ", repeated)}");
    }

    [Fact]
    public void ByType_Aliases_AreLowerSnakeCase() =>
        Assert.All(EventAliases.ByType.Values, alias => Assert.Matches(new Regex(@"^[a-z]+(_[a-z]+)*\z"), alias));

    [Fact]
    public void ByType_Keys_AreOnlyEventTypes() =>
        Assert.All(EventAliases.ByType.Keys, type => Assert.Contains(type, EventTypes()));

    [Fact]
    public void ByType_StoredAliases_NeverChange()
    {
        // Rows in the event store carry these names: changing one orphans every stored event of that type.
        var expected = new Dictionary<string, string>
        {
            ["ActorRegistered"] = "actor_registered",
            ["ActorRoleAssigned"] = "actor_role_assigned",
            ["ActorAliasAdded"] = "actor_alias_added",
            ["StatementRecorded"] = "statement_recorded",
            ["StatementVerified"] = "statement_verified",
            ["StatementAmended"] = "statement_amended",
            ["StatementDisputed"] = "statement_disputed",
            ["StatementRetracted"] = "statement_retracted",
            ["StatementLinked"] = "statement_linked",
            ["StatementUnlinked"] = "statement_unlinked",
            ["StatementReinstated"] = "statement_reinstated",
            ["TopicOpened"] = "topic_opened",
            ["TopicRenamed"] = "topic_renamed",
            ["TopicMerged"] = "topic_merged",
            ["StatementFiled"] = "statement_filed",
            ["StatementUnfiled"] = "statement_unfiled",
            ["SourceRegistered"] = "source_registered",
            ["SourceCorrected"] = "source_corrected",
            ["SealRecorded"] = "seal_recorded",
        };

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            EventAliases.ByType.Select(p => KeyValuePair.Create(p.Key.Name, p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void EventLikeRecords_InEventNamespaces_AllHaveAlias()
    {
        // A new past-tense record ending in …By/…At is an event, whether or not DESIGN.md names it yet.
        var eventLike = SealedRecordsInEventNamespaces().Where(t => t.Name.EndsWith("ed", StringComparison.Ordinal) && EndsWithByAt(t));

        Assert.All(eventLike, type => Assert.True(EventAliases.ByType.ContainsKey(type), $"{type.Name} has no alias"));
    }

    [Fact]
    public void EventTypes_Shape_StreamIdFirstAndByAtLast()
    {
        Assert.All(EventTypes(), type =>
        {
            var parameters = PrimaryParameters(type);
            var streamId = type.Namespace switch
            {
                "Archive.Domain.Topics" => "TopicId",
                "Archive.Domain.Sources" => "SourceId",
                // one stream, archive:seals: a seal is identified by its number in it
                "Archive.Domain.Audit" => "Number",
                _ => "ActorId",
            };
            Assert.True(parameters[0].Name == streamId, $"{type.Name} starts with {parameters[0].Name}, not {streamId}");
            Assert.True(EndsWithByAt(type), $"{type.Name} does not end with …By, …At");
        });
    }

    private static ParameterInfo[] PrimaryParameters(Type type) =>
        type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    private static bool EndsWithByAt(Type type)
    {
        var p = PrimaryParameters(type);
        return p.Length >= 2
               && p[^2].ParameterType == typeof(string) && p[^2].Name!.EndsWith("By", StringComparison.Ordinal)
               && p[^1].ParameterType == typeof(DateTimeOffset) && p[^1].Name!.EndsWith("At", StringComparison.Ordinal);
    }
}
