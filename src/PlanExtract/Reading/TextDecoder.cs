using System.Globalization;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace PlanExtract.Reading;

/// <summary>
/// Decodes a plan's bytes: a byte-order mark wins; then strict UTF-8; then UTF-16 without a
/// mark (every other byte zero); then the charset detector, with GB18030 as the answer for
/// any Chinese legacy code page, since GB18030 is a superset of GB2312 and GBK.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static string Decode(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(path, "the file is empty");
        }

        var text = DecodeByBom(bytes) ?? DecodeUtf8(bytes) ?? DecodeUtf16WithoutBom(bytes) ?? DecodeLegacy(path, bytes);
        if (BinaryAt(text) is { } line)
        {
            throw new DocumentReadException(path, string.Create(CultureInfo.InvariantCulture, $"not a text document (binary content at line {line})"));
        }

        return text;
    }

    private static string? DecodeByBom(byte[] b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(b, 3, b.Length - 3);
        }

        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(b, 2, b.Length - 2);
        }

        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2);
        }

        return null;
    }

    private static string? DecodeUtf8(byte[] b)
    {
        try
        {
            return StrictUtf8.GetString(b);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? DecodeUtf16WithoutBom(byte[] b)
    {
        if (b.Length < 4 || b.Length % 2 != 0)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        var sample = Math.Min(b.Length, 4096);
        for (var i = 0; i < sample; i++)
        {
            if (b[i] == 0)
            {
                if (i % 2 == 0) evenZeros++; else oddZeros++;
            }
        }

        // Text in UTF-8 or GB18030 never holds a zero byte; UTF-16 has one in the high half of every
        // ASCII character (line breaks, digits, spaces), all on the same side. CJK-heavy plans have
        // few of them, so any clear majority on one side decides.
        var zeros = evenZeros + oddZeros;
        if (zeros >= 4 && oddZeros >= zeros * 9 / 10)
        {
            return Encoding.Unicode.GetString(b);
        }

        if (zeros >= 4 && evenZeros >= zeros * 9 / 10)
        {
            return Encoding.BigEndianUnicode.GetString(b);
        }

        return null;
    }

    private static string DecodeLegacy(string path, byte[] b)
    {
        CheckSingleEncoding(path, b);
        var detected = CharsetDetector.DetectFromBytes(b).Detected;
        var encoding = detected?.Encoding;
        if (encoding is null || IsChineseCodePage(encoding) || encoding.CodePage == 1252 || encoding.CodePage == 28591)
        {
            // Latin-1 guesses on Chinese text are the detector's fallback, not an answer.
            encoding = Gb18030;
        }

        try
        {
            return encoding.GetString(b);
        }
        catch (Exception e) when (e is DecoderFallbackException or ArgumentException)
        {
            throw new DocumentReadException(path, $"cannot decode the text ({encoding.WebName})", e);
        }
    }

    private static bool IsChineseCodePage(Encoding e) => e.CodePage is 936 or 54936 or 20936 or 950 or 52936;

    /// <summary>
    /// Refuses text that is partly UTF-8 and partly a legacy code page: one decoding garbles the
    /// other half, and a plan pasted together from two files silently lost half its targets.
    /// Lines are judged one by one: a line with non-ASCII characters is either valid UTF-8 or
    /// not. A handful of broken lines in a UTF-8 file is damage, not a second encoding, so both
    /// kinds must hold at least three lines and one in twenty of the non-ASCII lines.
    /// </summary>
    private static void CheckSingleEncoding(string path, byte[] b)
    {
        int utf8 = 0, other = 0, line = 0, firstOther = 0, firstUtf8 = 0;
        foreach (var range in LineRanges(b))
        {
            line++;
            var span = b.AsSpan(range);
            if (!span.ContainsAnyInRange((byte)0x80, (byte)0xFF))
            {
                continue;
            }

            if (Utf8.IsValid(span))
            {
                utf8++;
                firstUtf8 = firstUtf8 == 0 ? line : firstUtf8;
            }
            else
            {
                other++;
                firstOther = firstOther == 0 ? line : firstOther;
            }
        }

        var fewer = Math.Min(utf8, other);
        if (fewer >= 3 && fewer * 20 >= utf8 + other)
        {
            throw new DocumentReadException(path, string.Create(CultureInfo.InvariantCulture,
                $"mixed text encodings: {utf8} lines are UTF-8 (the first at line {firstUtf8}) and {other} are not (the first at line {firstOther}, GB18030 or another legacy code page); save the whole file in one encoding"));
        }
    }

    private static IEnumerable<Range> LineRanges(byte[] b)
    {
        var start = 0;
        while (start < b.Length)
        {
            var end = Array.IndexOf(b, (byte)'\n', start);
            if (end < 0)
            {
                end = b.Length;
            }

            yield return start..end;
            start = end + 1;
        }
    }

    /// <summary>
    /// The 1-based line of binary content, or null: a NUL anywhere (text in UTF-8 or GB18030 never
    /// holds one, and decoded UTF-16 has none left), or a run of other control characters (not tab,
    /// CR, LF, FF) or undecodable bytes denser than one in fifty characters within any 8 KB window.
    /// </summary>
    private static int? BinaryAt(string text)
    {
        const int Window = 8192;
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            return LineOf(text, nul);
        }

        for (var start = 0; start < text.Length; start += Window)
        {
            var sample = text.AsSpan(start, Math.Min(Window, text.Length - start));
            var control = 0;
            foreach (var c in sample)
            {
                if (c < ' ' && c is not ('\t' or '\r' or '\n' or '\f') || c == '\uFFFD')
                {
                    control++;
                }
            }

            if (control > sample.Length / 50 + 1)
            {
                return LineOf(text, start);
            }
        }

        return null;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
