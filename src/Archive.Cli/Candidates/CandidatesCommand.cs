using System.CommandLine;
using System.Text.Json.Nodes;
using Archive.Cli.Shell;
using Spectre.Console;

namespace Archive.Cli.Candidates;

/// <summary>
/// <c>archive candidates SOURCE</c>: the statements the extractor proposes in a source, numbered; with
/// <c>--accept N…</c> it records those candidates through the archive's normal write path, each with the extractor's
/// rule and version in its history, optionally with the speaker, kind, date or occasion edited first.
/// </summary>
public static class CandidatesCommand
{
    public static Command Create(GlobalOptions globals, TextWriter output, TextWriter error, HttpMessageHandler? http)
    {
        var screen = new Screen(output, error);
        var source = new Argument<string>("source") { Description = "The source's id, e.g. src-0123456789abcdef0123" };
        var recorded = new Option<bool>("--recorded") { Description = "Also list the candidates already recorded, with their statement's id" };
        var accept = new Option<int[]>("--accept")
        {
            Description = "Record these candidates (their numbers in the list)", HelpName = "n", AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore,
        };
        var actor = new Option<string>("--actor") { Description = "With --accept: the speaker's actor id, instead of the one the extractor found", HelpName = "id" };
        var kind = new Option<string>("--kind") { Description = "With --accept: direct, reported or joint, instead of the extractor's", HelpName = "kind" };
        var saidOn = new Option<DateOnly?>("--said-on") { Description = "With --accept: the day it was said, instead of the extractor's", HelpName = "date", CustomParser = Parsers.Date };
        var occasion = new Option<string>("--occasion") { Description = "With --accept: where or on what occasion it was said", HelpName = "text" };
        var command = new Command("candidates", "The statements the extractor proposes in a source; --accept N… records them") { source, recorded, accept, actor, kind, saidOn, occasion };
        command.Validators.Add(r =>
        {
            if (r.GetResult(accept) is null && new Option[] { actor, kind, saidOn, occasion }.Any(o => r.GetResult(o) is not null))
                r.AddError("--actor, --kind, --said-on and --occasion edit what --accept records: give --accept too");
            if (r.GetResult(accept) is not null && r.GetResult(recorded) is not null) r.AddError("--recorded lists; it does not go with --accept");
            if (r.GetValue(accept) is { } numbers && numbers.Any(n => n < 0)) r.AddError("--accept takes the candidates' numbers, from 0");
        });
        command.SetAction(async (parsed, ct) =>
        {
            using var server = globals.Server(parsed, http);
            var path = $"/api/sources/{Uri.EscapeDataString(parsed.GetRequiredValue(source))}/candidates";
            if (parsed.GetValue(accept) is { Length: > 0 } numbers)
            {
                var edits = new Edits(parsed.GetValue(actor), parsed.GetValue(kind), parsed.GetValue(saidOn), parsed.GetValue(occasion));
                return await Accept(server, screen, path, numbers, edits, parsed.GetValue(globals.Json), ct);
            }
            var list = await server.GetJson<JsonObject>(path + (parsed.GetValue(recorded) ? "?include=recorded" : ""), Screen.Json, "a list of candidates", ct);
            if (parsed.GetValue(globals.Json)) await screen.WriteJson(list);
            else Print(screen, list);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Edits(string? ActorId, string? QuoteKind, DateOnly? SaidOn, string? Occasion);

    private sealed record AcceptBody(int Index, string? ActorId, string? QuoteKind, DateOnly? SaidOn, string? Occasion);

    private sealed record Accepted(int Index, int Status, string? Id, string Outcome, string? Refusal);

    /// <summary>Each number on its own: a refusal is reported and the others still go; the exit code is 1 when any was refused.</summary>
    private static async Task<int> Accept(ArchiveServer server, Screen screen, string path, int[] numbers, Edits edits, bool json, CancellationToken ct)
    {
        var results = new List<Accepted>();
        foreach (var n in numbers.Distinct())
        {
            var written = await server.PostJson(path + "/accept", new AcceptBody(n, edits.ActorId, edits.QuoteKind, edits.SaidOn, edits.Occasion), ct);
            var outcome = !written.Succeeded ? "refused" : written.Created ? "recorded" : "already recorded";
            results.Add(new Accepted(n, written.Status, written.Id, outcome, written.Refusal));
            if (!json) screen.Line(written.Succeeded ? $"#{n}: {outcome} as {written.Id}" : $"#{n}: refused: {written.Refusal}");
        }
        if (json) await screen.WriteJson(results);
        return results.All(r => r.Refusal is null) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private static void Print(Screen screen, JsonObject list)
    {
        var table = new Table().AddColumns("#", "Kind", "Speaker", "Said on", "Confidence", "Rule", "Recorded", "Quote");
        foreach (var c in Cells.Items(list))
        {
            var speaker = c["speaker"]?["actorId"] is null ? $"? {Cells.Value(c, "speaker.mention")}" : Cells.Value(c, "speaker.actorId");
            var coSpeakers = c["coSpeakers"] is JsonArray { Count: > 0 } co ? " + " + string.Join(", ", co.Select(a => a?.ToString())) : "";
            table.AddRow(Cells.Text(c, "index"), Cells.Text(c, "quoteKind"), Screen.Plain(speaker + coSpeakers), Cells.Text(c, "saidOn"),
                Cells.Text(c, "confidence"), Cells.Text(c, "rule"), Cells.Text(c, "recordedStatementId"), Cells.Short(c, "quote"));
        }
        screen.Console.Write(table);
        screen.Line($"extractor {Cells.Value(list, "extractorVersion")}; accept with: archive candidates SOURCE --accept N…");
    }
}
