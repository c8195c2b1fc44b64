using Microsoft.Playwright;
using Xunit;

namespace Archive.Web.Tests.Pages;

/// <summary>
/// Full-page pictures for docs/screenshots: written to a folder of the test's output (one per test class, so each counts
/// only its own), checked to be a picture of a page, and copied to the folder ARCHIVE_SCREENSHOTS names when it is set.
/// </summary>
internal sealed class Screenshots(string folderName)
{
    private static readonly string? Docs = Environment.GetEnvironmentVariable("ARCHIVE_SCREENSHOTS");

    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, folderName)).FullName;

    public async Task Take(IPage page, string name)
    {
        var file = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.Length > 10_000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{name}: not a picture of a page");
        if (Docs is { Length: > 0 }) File.Copy(file, Path.Combine(Docs, name + ".png"), overwrite: true);
    }
}
