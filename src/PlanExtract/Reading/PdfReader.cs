using System.Text;
using PlanExtract.Model;
using PlanExtract.Reading.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace PlanExtract.Reading;

/// <summary>
/// Reads .pdf plans with PdfPig: letters grouped into lines by position, ActualText in place
/// of the letters it covers, running headers, footers and page numbers dropped, and
/// paragraphs rebuilt across lines and pages. Page = the page of a block's first line.
/// </summary>
public sealed class PdfReader(ReadLimits? limits = null) : IDocumentReader
{
    private readonly ReadLimits _limits = limits ?? ReadLimits.Default;

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public IReadOnlyList<SourceBlock> Read(string path) => ReadBytes(path, DocumentFile.ReadAllBytes(path, _limits), _limits);

    public static IReadOnlyList<SourceBlock> ReadBytes(string path, byte[] bytes, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        CheckSignature(path, bytes);
        var pages = new List<List<TextLine>>();
        var heights = new List<double>();
        var widths = new List<double>();
        var images = 0;
        string? title;
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.NumberOfPages > limits.MaxPdfPages)
            {
                throw new DocumentReadException(path, ReadLimits.Exceeded(FormattableString.Invariant($"the PDF has {document.NumberOfPages:N0} pages"), limits.MaxPdfPages, "pages"));
            }

            title = document.Information.Title;
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                pages.Add(LineBuilder.Build(PageGlyphs.From(page), number));
                heights.Add(page.Height);
                widths.Add(page.Width);
                if (pages[^1].Count == 0)
                {
                    images += page.GetImages().Count();
                }
            }
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentReadException(path, "the PDF is encrypted and needs a password to open", e);
        }
        catch (Exception e) when (IsFormatError(e))
        {
            throw new DocumentReadException(path, $"damaged or truncated PDF ({e.Message})", e);
        }

        if (pages.All(p => p.Count == 0))
        {
            throw new DocumentReadException(path, images > 0
                ? "the PDF has no text layer, only page images (a scan): OCR is out of scope"
                : "the PDF holds no text");
        }

        var lines = PageFurniture.Remove(pages, heights).SelectMany(p => p).ToList();
        return UnknownGlyphRepair.Repair(ParagraphJoiner.Join(lines, widths.Max()), title);
    }

    private static void CheckSignature(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(path, "the file is empty");
        }

        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (!head.Contains("%PDF-", StringComparison.Ordinal))
        {
            throw new DocumentReadException(path, "not a PDF (no %PDF- header)");
        }

        // A PDF ends with %%EOF (readers accept it within the last kilobyte); a download or
        // copy cut short does not, and PdfPig's lenient parser would read what is left as if whole.
        var tailStart = Math.Max(0, bytes.Length - 1024);
        var tail = Encoding.ASCII.GetString(bytes, tailStart, bytes.Length - tailStart);
        if (!tail.Contains("%%EOF", StringComparison.Ordinal))
        {
            throw new DocumentReadException(path, "truncated PDF (the file ends without %%EOF)");
        }
    }

    private static bool IsFormatError(Exception e) => e is PdfDocumentFormatException or InvalidOperationException
        or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException
        or FormatException or KeyNotFoundException or NotSupportedException or IOException or OverflowException;
}
