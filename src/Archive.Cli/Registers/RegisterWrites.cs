using System.CommandLine;
using Archive.Cli.Shell;
using Archive.Cli.Writes;

namespace Archive.Cli.Registers;

/// <summary><c>archive actors add|role|alias</c> and <c>archive topics add|rename|merge</c>: the registers, written.</summary>
public static class RegisterWrites
{
    public static void AddToActors(Command actors, Writer writer)
    {
        actors.Add(AddActor(writer));
        actors.Add(Role(writer));
        actors.Add(Alias(writer));
    }

    public static void AddToTopics(Command topics, Writer writer)
    {
        topics.Add(OpenTopic(writer));
        topics.Add(Rename(writer));
        topics.Add(Merge(writer));
    }

    private static Argument<string> Id(string what, string example) => new("id") { Description = $"The {what}'s id, e.g. {example}" };

    private static string Path(ParseResult parsed, string register, Argument<string> id, string rest) =>
        $"/api/{register}/{Uri.EscapeDataString(parsed.GetRequiredValue(id))}/{rest}";

    private static Command AddActor(Writer writer)
    {
        var id = new Argument<string>("id") { Description = "The new actor's id: lowercase letters, digits and hyphens, e.g. lin-jian" };
        var name = new Option<string>("--name") { Description = "The actor's name", HelpName = "name", Required = true };
        var kind = new Option<string>("--kind") { Description = "person or organisation", HelpName = "kind", Required = true }
            .AcceptOnlyFromAmong("person", "organisation");
        var country = new Option<string>("--country") { Description = "The actor's country (ISO 3166 code, e.g. PK)", HelpName = "code" };
        var aliases = new Option<string[]>("--alias") { Description = "Another name the actor is known by (repeat for more)", HelpName = "name" };
        return writer.Command("add", "Register an actor", [id, name, kind, country, aliases],
            parsed => new WriteRequest(HttpMethod.Post, "/api/actors", new
            {
                Id = parsed.GetRequiredValue(id),
                Name = parsed.GetValue(name),
                Kind = parsed.GetValue(kind),
                Country = parsed.GetValue(country),
                Aliases = parsed.GetValue(aliases) is { Length: > 0 } a ? a : null,
            }),
            "registered", "already registered");
    }

    private static Command Role(Writer writer)
    {
        var id = Id("actor", "lin-jian");
        var role = new Option<string>("--role") { Description = "The role, e.g. spokesperson", HelpName = "role", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "Where the role is held", HelpName = "name", Required = true };
        var from = new Option<DateOnly?>("--from") { Description = "The day the role began (yyyy-mm-dd)", HelpName = "date", CustomParser = Parsers.Date, Required = true };
        var to = new Option<DateOnly?>("--to")
        {
            Description = "The day it ended (yyyy-mm-dd); the same role given again with --to ends it", HelpName = "date", CustomParser = Parsers.Date,
        };
        return writer.Command("role", "Give an actor a role in an organisation from a date (statements said then are in that capacity)",
            [id, role, organisation, from, to],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, "actors", id, "roles"), new
            {
                Role = parsed.GetValue(role),
                Organisation = parsed.GetValue(organisation),
                From = parsed.GetValue(from),
                To = parsed.GetValue(to),
            }),
            "role assigned");
    }

    private static Command Alias(Writer writer)
    {
        var id = Id("actor", "lin-jian");
        var alias = new Argument<string>("alias") { Description = "Another name the actor is known by (a title, a transliteration)" };
        return writer.Command("alias", "Add a name an actor is known by", [id, alias],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, "actors", id, "aliases"), new { Alias = parsed.GetRequiredValue(alias) }),
            "alias added");
    }

    private static Command OpenTopic(Writer writer)
    {
        var id = new Argument<string>("id") { Description = "The new topic's id: lowercase letters, digits and hyphens, e.g. gwadar-port" };
        var title = new Option<string>("--title") { Description = "The topic's title", HelpName = "title", Required = true };
        var description = new Option<string>("--description") { Description = "What belongs under it", HelpName = "text" };
        var parent = new Option<string>("--parent") { Description = "The broader topic it belongs to (a topic id)", HelpName = "id" };
        return writer.Command("add", "Open a topic", [id, title, description, parent],
            parsed => new WriteRequest(HttpMethod.Post, "/api/topics", new
            {
                Id = parsed.GetRequiredValue(id),
                Title = parsed.GetValue(title),
                Description = parsed.GetValue(description),
                ParentId = parsed.GetValue(parent),
            }),
            "opened", "already open");
    }

    private static Command Rename(Writer writer)
    {
        var id = Id("topic", "cpec");
        var title = new Argument<string>("title") { Description = "The new title" };
        return writer.Command("rename", "Give a topic a new title (its id stays)", [id, title],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, "topics", id, "rename"), new { Title = parsed.GetRequiredValue(title) }),
            "renamed");
    }

    private static Command Merge(Writer writer)
    {
        var id = Id("topic", "cpec-roads");
        var into = new Option<string>("--into") { Description = "The topic it merges into (a topic id)", HelpName = "id", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the topic's history)", HelpName = "text", Required = true };
        return writer.Command("merge", "Merge a topic into another: it takes no more filings, and its statements appear under the other",
            [id, into, reason],
            parsed => new WriteRequest(HttpMethod.Post, Path(parsed, "topics", id, "merge"), new { Into = parsed.GetValue(into), Reason = parsed.GetValue(reason) }),
            "merged");
    }
}
