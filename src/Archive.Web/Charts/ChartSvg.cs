using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Archive.Web.Charts;

/// <summary>
/// The chart's picture: an SVG with <c>role="img"</c>, named by its title and described by the figure's summary.
/// Written through the render tree (not Razor markup, where <c>&lt;text&gt;</c> is a keyword), so every label is
/// encoded by the renderer like any other stored string. Colours come from classes in workspace.css: the
/// Content-Security-Policy admits no style attribute.
/// </summary>
public sealed class ChartSvg : ComponentBase
{
    [Parameter, EditorRequired] public MonthlyChartModel Model { get; set; } = null!;

    /// <summary>The id of the element that describes the chart in words.</summary>
    [Parameter, EditorRequired] public string DescribedBy { get; set; } = "";

    // The page is rendered once and never diffed, so the sequence numbers need only be literals in source order.
    protected override void BuildRenderTree(RenderTreeBuilder b)
    {
        var layout = new ChartLayout(Model);
        b.OpenElement(0, "svg");
        b.AddAttribute(1, "xmlns", "http://www.w3.org/2000/svg");
        b.AddAttribute(2, "class", "chart-svg");
        b.AddAttribute(3, "viewBox", $"0 0 {ChartLayout.Width} {ChartLayout.Height}");
        b.AddAttribute(4, "role", "img");
        b.AddAttribute(5, "aria-labelledby", Model.Id + "-title");
        b.AddAttribute(6, "aria-describedby", DescribedBy);
        b.AddAttribute(7, "data-chart-svg", Model.Id);
        Element(b, "title", Model.Title, ("id", Model.Id + "-title"));

        b.OpenElement(8, "g");
        b.AddAttribute(9, "class", "chart-axis");
        foreach (var tick in layout.Ticks)
        {
            Element(b, "line", null, ("x1", ChartLayout.N(ChartLayout.Left)), ("x2", ChartLayout.N(ChartLayout.Width - ChartLayout.Right)), ("y1", tick.Y), ("y2", tick.Y));
            Element(b, "text", tick.Label, ("x", ChartLayout.N(ChartLayout.Left - 6)), ("y", tick.Y), ("text-anchor", "end"), ("dominant-baseline", "middle"));
        }
        foreach (var label in layout.MonthLabels)
            Element(b, "text", label.Label, ("x", label.X), ("y", ChartLayout.N(ChartLayout.Height - 10)), ("text-anchor", "middle"));
        b.CloseElement();

        b.OpenElement(10, "g");
        b.AddAttribute(11, "class", "chart-bars");
        foreach (var bar in layout.Bars)
        {
            b.OpenElement(12, "rect");
            b.AddAttribute(13, "class", $"series-{bar.Colour}");
            b.AddAttribute(14, "x", bar.X);
            b.AddAttribute(15, "y", bar.Y);
            b.AddAttribute(16, "width", bar.Width);
            b.AddAttribute(17, "height", bar.Height);
            Element(b, "title", bar.Tip);
            b.CloseElement();
        }
        b.CloseElement();
        b.CloseElement();
    }

    private static void Element(RenderTreeBuilder b, string name, string? content, params (string Name, string Value)[] attributes)
    {
        b.OpenElement(20, name);
        foreach (var (attribute, value) in attributes) b.AddAttribute(21, attribute, value);
        if (content is not null) b.AddContent(22, content);
        b.CloseElement();
    }
}
