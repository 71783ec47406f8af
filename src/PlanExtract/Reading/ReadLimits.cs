using System.Globalization;

namespace PlanExtract.Reading;

/// <summary>
/// What one document may cost to read. Each limit is checked while reading (a .docx part is
/// counted as it inflates, not after), and a document past one is refused with an error naming
/// the file and the limit. The defaults sit far above any real plan (the largest corpus plan is a
/// 170 KB .txt of two plans, about 3,000 lines; a pandoc .docx of one plan has a 230 KB
/// document.xml) and far below what would stall a build or exhaust memory.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>The default size limit, in megabytes, that <c>--max-document-mb</c> replaces.</summary>
    public const int DefaultDocumentMegabytes = 64;

    private const long Megabyte = 1024 * 1024;

    public static ReadLimits Default { get; } = new();

    /// <summary>Bytes of the file on disk: 64 MB, room for a .pdf or .docx with embedded fonts and images.</summary>
    public long MaxDocumentBytes { get; init; } = DefaultDocumentMegabytes * Megabyte;

    /// <summary>
    /// Bytes of one XML part of a .docx once inflated: 32 MB. A zip part can inflate a
    /// thousandfold, and the Word object model holds several times the XML in memory.
    /// </summary>
    public long MaxPartBytes { get; init; } = 32 * Megabyte;

    /// <summary>
    /// Nesting depth of the XML in a .docx: 128. Real documents nest body, table, row, cell,
    /// content control, paragraph, run and text a few times over (about 30 levels at most);
    /// 20,000 nested w:sdt overflow the stack of any recursive reader.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 128;

    /// <summary>Parts (files) in a .docx package: 10,000; a plan has 15–40, plus one per picture.</summary>
    public int MaxParts { get; init; } = 10_000;

    /// <summary>Paragraphs (.docx) or lines (.txt): 200,000, some sixty times the longest plan.</summary>
    public int MaxParagraphs { get; init; } = 200_000;

    /// <summary>
    /// Characters of one automatic number label: 32. "（十二）" and "12.3.4" are short; an
    /// upperLetter list starting at 2,000,000,000 repeats its letter 77 million times.
    /// </summary>
    public int MaxLabelChars { get; init; } = 32;

    /// <summary>Characters of text in the whole document: 16 million, some 250 times the longest plan.</summary>
    public long MaxTextChars { get; init; } = 16_000_000;

    /// <summary>Pages of a .pdf: 2,000; a plan runs to 20–80 pages.</summary>
    public int MaxPdfPages { get; init; } = 2_000;

    /// <summary>
    /// The limits for documents of up to <paramref name="megabytes"/> MB: every size-like limit
    /// (bytes, inflated bytes, paragraphs, text, pages) scaled from the 64 MB defaults; depth and
    /// label length are about structure, not size, and stay.
    /// </summary>
    public static ReadLimits ForDocumentMegabytes(int megabytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(megabytes, 1);
        var factor = (double)megabytes / DefaultDocumentMegabytes;
        return Default with
        {
            MaxDocumentBytes = megabytes * Megabyte,
            MaxPartBytes = Scale(Default.MaxPartBytes, factor),
            MaxParagraphs = (int)Math.Min(int.MaxValue, Scale(Default.MaxParagraphs, factor)),
            MaxTextChars = Scale(Default.MaxTextChars, factor),
            MaxPdfPages = (int)Math.Min(int.MaxValue, Scale(Default.MaxPdfPages, factor)),
        };
    }

    private static long Scale(long value, double factor) => (long)Math.Clamp(Math.Ceiling(value * factor), 1, long.MaxValue / 2);

    /// <summary>The reason given when a limit is hit: what was exceeded, and how to raise it.</summary>
    internal static string Exceeded(string what, long limit, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"exceeds the read limit of {limit:N0} {unit} ({what}); raise the limits with --max-document-mb if the document is genuine");
}

/// <summary>A read limit hit deep inside a reader, before the path is at hand; the reader turns it into a <see cref="DocumentReadException"/>.</summary>
internal sealed class ReadLimitException(string reason) : Exception(reason);
