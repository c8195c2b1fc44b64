using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Archive.Web.Sources;

/// <summary>
/// The stored text of a source, in an element marked <c>data-source-text</c> whose text content is exactly that text:
/// no whitespace of the page's own, statements as <c>&lt;mark data-statement-id&gt;</c> around runs of it, each
/// statement's last mark ending with a link to it that holds no text (its arrow is drawn by the style sheet), so the
/// text content stays the stored text and a selection never starts on a link. Built in code so no template adds a character.
/// </summary>
public sealed class SourceText : ComponentBase
{
    [Parameter, EditorRequired] public IReadOnlyList<MarkNode> Nodes { get; set; } = [];
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "id", "source-text");
        builder.AddAttribute(2, "class", "source-text");
        builder.AddAttribute(3, "data-source-text", "");
        builder.AddAttribute(4, "role", "region");
        builder.AddAttribute(5, "aria-label", Label);
        Render(builder, Nodes);
        builder.CloseElement();
    }

    private static void Render(RenderTreeBuilder builder, IEnumerable<MarkNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextRun run:
                    builder.AddContent(10, run.Text);
                    break;
                case StatementLink { Span.Candidate: not null }:
                    break;
                case StatementLink link:
                    builder.OpenElement(20, "a");
                    builder.AddAttribute(21, "href", $"/statements/{link.Span.StatementId}");
                    builder.AddAttribute(22, "class", "to-statement");
                    builder.AddAttribute(23, "aria-label", $"Statement {link.Span.StatementId}{(link.Span.Label.Length > 0 ? " by " + link.Span.Label : "")}");
                    builder.CloseElement();
                    break;
                case Mark { Span.Candidate: { } index } mark:
                    // a candidate is not a statement: drawn apart, and without a link (its review is in the list of candidates)
                    builder.OpenElement(40, "mark");
                    builder.AddAttribute(41, "data-candidate-index", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    builder.AddAttribute(42, "class", "candidate");
                    Render(builder, mark.Children);
                    builder.CloseElement();
                    break;
                case Mark mark:
                    builder.OpenElement(30, "mark");
                    builder.AddAttribute(31, "data-statement-id", mark.Span.StatementId);
                    builder.AddAttribute(32, "class", $"status-{mark.Span.Status}");
                    Render(builder, mark.Children);
                    builder.CloseElement();
                    break;
            }
        }
    }
}
