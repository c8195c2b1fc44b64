using System.Text;
using Archive.Domain.Sources;
using Archive.Domain.Statements;
using Xunit;

namespace Archive.Domain.Tests.Sources;

/// <summary>
/// Any stretch of a text, retyped with other quote marks, dashes, spaces and normalisation form, is found again at its
/// own span with the source's own characters. Seeded, so a failure repeats.
/// </summary>
public sealed class QuoteLocatorPropertyTests
{
    // Characters the folding treats specially, mixed with ordinary ones; all stable under NFC.
    private static readonly string[] Alphabet =
    [
        "a", "b", "é", "z", "1", " ", " ", "\n", "\u00A0", "\u3000", "'", "’", "‘", "\"", "“", "”", "「", "」", "-", "–", "—", "−",
        "…", ".", "\u00AD", "😀", "𝄞", "林", "剑", ",",
    ];

    private static readonly Dictionary<string, string[]> Retyped = new()
    {
        ["’"] = ["'", "‘"], ["'"] = ["’"], ["“"] = ["\"", "«"], ["”"] = ["\"", "»"], ["「"] = ["\""], ["」"] = ["\""], ["\""] = ["“"],
        ["–"] = ["-", "—"], ["—"] = ["-"], ["-"] = ["–"], ["−"] = ["-"], ["…"] = ["..."], ["\n"] = [" ", "  "], ["\u00A0"] = [" "],
        ["\u3000"] = [" "], ["é"] = ["e\u0301"], ["\u00AD"] = [""],
    };

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Locate_RetypedStretchOfText_FindsItsOwnSpan(int seed)
    {
        var random = new Random(seed);
        var runes = Enumerable.Range(0, 60).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray();
        var text = SourceText.Normalise(string.Concat(runes));
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var locator = QuoteLocator.For(text);

        for (var trial = 0; trial < 25; trial++)
        {
            var start = random.Next(codePoints.Length);
            var end = random.Next(start + 1, codePoints.Length + 1);
            // The span a person means: the stretch without the spaces and invisible characters at its ends.
            while (start < end && IsBlank(codePoints[start])) start++;
            while (end > start && IsBlank(codePoints[end - 1])) end--;
            if (start == end) continue;
            var typed = new StringBuilder();
            for (var i = start; i < end; i++)
                typed.Append(Retyped.TryGetValue(codePoints[i], out var forms) && random.Next(2) == 0 ? forms[random.Next(forms.Length)] : codePoints[i]);

            var search = locator.Locate(typed.ToString());

            var span = new TextSpan(start, end);
            var found = search.Occurrences.SingleOrDefault(o => o.Span == span);
            Assert.True(found is not null, $"seed {seed}: '{typed}' not found at {start}–{end} of '{text}'");
            Assert.Equal(string.Concat(codePoints[start..end]), found.Text);
            Assert.All(search.Occurrences, o => Assert.True(locator.OccursAt(typed.ToString(), o.Span)));
            Assert.All(search.Occurrences, o => Assert.True(SourceText.QuoteMatches(typed.ToString(), o.Text)));
        }
    }

    private static bool IsBlank(string codePoint) => string.IsNullOrWhiteSpace(codePoint) || codePoint == "\u00AD";
}
