using Microsoft.Playwright;

namespace Archive.Web.Tests.Pages;

/// <summary>
/// Selecting a passage of a source's text as a person would, by the test's own means (independent of the workspace's
/// script): the passage is found in the element's text content (UTF-16) and mapped onto its text nodes.
/// </summary>
public static class Selection
{
    private const string Locate = """
        ([quote, occurrence]) => {
          const root = document.querySelector('[data-source-text]');
          let from = -1;
          for (let i = 0; i <= occurrence; i++) from = root.textContent.indexOf(quote, from + 1);
          if (from < 0) throw new Error('not in the text: ' + quote);
          const to = from + quote.length;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let seen = 0, start = null, end = null;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.data.length;
            if (!start && from < seen + length) start = [node, from - seen];
            if (!end && to <= seen + length) { end = [node, to - seen]; break; }
            seen += length;
          }
          return { start, end };
        }
        """;

    /// <summary>Selects the passage with a DOM range, as a drag or shift-and-arrows ends up doing.</summary>
    public static Task Select(IPage page, string quote, int occurrence = 0) =>
        page.EvaluateAsync(Locate.Replace("return { start, end };", "getSelection().setBaseAndExtent(start[0], start[1], end[0], end[1]);"), new object[] { quote, occurrence });

    /// <summary>Selects the passage by dragging the mouse from its first character to its last.</summary>
    public static async Task Drag(IPage page, string quote)
    {
        var box = await page.EvaluateAsync<double[]>(Locate.Replace("return { start, end };", """
            const first = document.createRange(); first.setStart(start[0], start[1]); first.setEnd(start[0], start[1] + 1);
            const last = document.createRange(); last.setStart(end[0], end[1] - 1); last.setEnd(end[0], end[1]);
            const a = first.getClientRects()[0], b = last.getClientRects()[0];
            return [a.left + 1, a.top + a.height / 2, b.right - 1, b.top + b.height / 2];
            """), new object[] { quote, 0 });
        await page.Mouse.MoveAsync((float)box[0], (float)box[1]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[2], (float)box[3], new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The selection's text as the browser reports it.</summary>
    public static Task<string> Text(IPage page) => page.EvaluateAsync<string>("() => getSelection().toString()");
}
