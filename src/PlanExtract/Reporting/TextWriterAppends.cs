using System.Text;

namespace PlanExtract.Reporting;

/// <summary>StringBuilder's chained appends on a writer, so a table can go to a file as it is made.</summary>
internal static class TextWriterAppends
{
    /// <summary>
    /// UTF-8 without a BOM to <paramref name="output"/>, through a buffer, the stream left open: a
    /// table goes to its file or a pipe as it is made, never whole in memory.
    /// </summary>
    public static void WriteUtf8(Stream output, Action<TextWriter> write)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        write(text);
    }

    public static TextWriter Append(this TextWriter writer, string? text)
    {
        writer.Write(text);
        return writer;
    }

    public static TextWriter Append(this TextWriter writer, char c)
    {
        writer.Write(c);
        return writer;
    }

    public static TextWriter AppendJoin(this TextWriter writer, string separator, IEnumerable<string> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                writer.Write(separator);
            }

            writer.Write(value);
            first = false;
        }

        return writer;
    }
}
