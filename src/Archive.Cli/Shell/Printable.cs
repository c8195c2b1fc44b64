using System.Globalization;
using System.Text;

namespace Archive.Cli.Shell;

/// <summary>
/// Text from a bundle or a server may hold newlines, terminal escape sequences or bidirectional overrides; errors must stay on one line and
/// must not drive the terminal, so control characters are shown escaped.
/// </summary>
public static class Printable
{
    public static string Line(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }
}
