using System.Globalization;
using System.Text;

namespace PlanExtract.Cli;

/// <summary>
/// Text from file names and documents made safe to print: a newline in a file name would split
/// an error line in two, and an ESC would reach the terminal as a control sequence.
/// </summary>
internal static class TerminalText
{
    /// <summary>Control characters (C0, DEL, C1) and bidirectional overrides as visible escapes: \n, \t, \x1B, \u202E.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c <= '\u00FF' && NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Writes <c>error: MESSAGE</c> as one escaped line.</summary>
    public static void Error(TextWriter writer, string message) => writer.WriteLine("error: " + Escape(message));

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
