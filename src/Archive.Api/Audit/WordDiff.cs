namespace Archive.Api.Audit;

public sealed record DiffPart(string Op, string Text);

/// <summary>A word-level diff (longest common subsequence over whitespace-separated words).</summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffPart> Between(string before, string after)
    {
        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var parts = new List<DiffPart>();
        void Add(string op, string word)
        {
            if (parts.Count > 0 && parts[^1].Op == op) parts[^1] = parts[^1] with { Text = parts[^1].Text + " " + word };
            else parts.Add(new DiffPart(op, word));
        }
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { Add("equal", a[x]); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) Add("delete", a[x++]);
            else Add("insert", b[y++]);
        }
        while (x < a.Length) Add("delete", a[x++]);
        while (y < b.Length) Add("insert", b[y++]);
        return parts;
    }
}
