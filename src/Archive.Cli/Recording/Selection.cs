using System.CommandLine;
using Archive.Cli.Shell;

namespace Archive.Cli.Recording;

/// <summary>
/// Which passage a typed quote means: without either option the archive finds it (it must occur once); <c>--span</c> names it in
/// code points; <c>--occurrence N</c> takes the Nth place the archive finds it, in text order.
/// </summary>
public sealed class Selection(bool recording)
{
    public Option<CodePointSpan?> Span { get; } = new("--span")
    {
        Description = "The passage's code-point offsets, START:END with END exclusive (see 'archive sources show ID --offsets')",
        HelpName = "start:end",
        CustomParser = Parsers.Span,
    };

    public Option<int?> Occurrence { get; } = new("--occurrence")
    {
        Description = "When the quote occurs several times in the source: the Nth place, from 1, in the order the archive lists them",
        HelpName = "n",
        CustomParser = Parsers.WholeInt(1, int.MaxValue, "a place counted from 1"),
    };

    public Option<string> Kind { get; } = new Option<string>("--kind")
    {
        Description = "direct (the source's words), reported (a paraphrase in the source) or joint (said with --co-speaker)"
                      + (recording ? " [default: direct]" : ""),
        HelpName = "kind",
    }.AcceptOnlyFromAmong("direct", "reported", "joint");

    public Option<DateOnly?> SaidOn { get; } = new("--said-on") { Description = "The day it was said (yyyy-mm-dd)", HelpName = "date", CustomParser = Parsers.Date };

    public Option<string> Occasion { get; } = new("--occasion") { Description = "Where or at what it was said (a press briefing, an interview)", HelpName = "text" };

    public Option<string> Language { get; } = new("--language")
    {
        Description = "The quote's language" + (recording ? " [default: the source's]" : ""), HelpName = "code",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Span, Occurrence, Kind, SaidOn, Occasion, Language }) command.Add(option);
        command.Validators.Add(r =>
        {
            if (r.GetResult(Span) is not null && r.GetResult(Occurrence) is not null) r.AddError("give --span or --occurrence, not both");
        });
    }

    public static object? Body(CodePointSpan? span) => span is null ? null : new { span.Start, span.End };
}
