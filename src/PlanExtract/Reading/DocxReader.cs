using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanExtract.Model;
using PlanExtract.Reading.Docx;

namespace PlanExtract.Reading;

/// <summary>
/// Reads .docx plans: body paragraphs and table cells in document order, one block per
/// non-empty paragraph (Line = 1-based paragraph number), with Word's automatic numbering
/// put back in front of the text. Headers, footers, comments and footnotes are not the plan;
/// tracked changes are read as accepted.
/// </summary>
public sealed class DocxReader(ReadLimits? limits = null) : IDocumentReader
{
    private readonly ReadLimits _limits = limits ?? ReadLimits.Default;

    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public IReadOnlyList<SourceBlock> Read(string path) => ReadBytes(path, DocumentFile.ReadAllBytes(path, _limits), _limits);

    public static IReadOnlyList<SourceBlock> ReadBytes(string path, byte[] bytes, ReadLimits? limits = null)
    {
        limits ??= ReadLimits.Default;
        CheckSignature(path, bytes);
        List<SourceBlock> blocks;
        try
        {
            PartScan.Check(bytes, limits);
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxPartBytes });
            var main = document.MainDocumentPart ?? throw new DocumentReadException(path, "not a Word document (the package has no main document part)");
            var body = main.Document?.Body ?? throw new DocumentReadException(path, "not a Word document (no document body)");
            var numbering = new NumberingRenderer(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles, limits.MaxLabelChars);
            blocks = new BodyWalker(numbering, limits).Read(body);
        }
        catch (ReadLimitException e)
        {
            throw new DocumentReadException(path, e.Message, e);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // w:start="99999999999999999999": numbering values the renderer refuses, and Int32
            // attributes the SDK parses on first use.
            throw new DocumentReadException(path, $"not a readable Word document (a number in its XML is malformed or out of range: {e.Message})", e);
        }
        catch (Exception e) when (IsFormatError(e))
        {
            throw new DocumentReadException(path, $"not a readable Word document ({e.Message})", e);
        }

        if (blocks.Count == 0)
        {
            throw new DocumentReadException(path, "the document holds no text");
        }

        return blocks;
    }

    private static void CheckSignature(string path, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new DocumentReadException(path, "the file is empty");
        }

        if (bytes is [0xD0, 0xCF, 0x11, 0xE0, ..])
        {
            // Word 97-2003 files and password-protected .docx files are both OLE compound files.
            throw new DocumentReadException(path, "a legacy Word 97-2003 .doc (OLE compound file) or an encrypted .docx, not a .docx package: save it as .docx without a password");
        }

        if (bytes is not [(byte)'P', (byte)'K', ..])
        {
            throw new DocumentReadException(path, "not a .docx (a .docx is a zip package; this file is not one)");
        }
    }

    private static bool IsFormatError(Exception e) => e is OpenXmlPackageException or InvalidDataException
        or FileFormatException or XmlException or IOException or InvalidOperationException or NotSupportedException
        or ArgumentException or KeyNotFoundException;

    /// <summary>Walks the body in reading order, counting every paragraph so Line points at it.</summary>
    private sealed class BodyWalker(NumberingRenderer numbering, ReadLimits limits)
    {
        private readonly List<SourceBlock> _blocks = [];
        private int _paragraphs;
        private long _characters;

        public List<SourceBlock> Read(Body body)
        {
            Walk(body);
            return _blocks;
        }

        private void Walk(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        Accept(paragraph);
                        break;
                    case Table or TableRow or TableCell or SdtBlock or SdtContentBlock or SdtRow or SdtContentRow
                        or SdtCell or SdtContentCell or CustomXmlBlock or CustomXmlRow or CustomXmlCell or InsertedRun:
                        Walk(child);
                        break;
                }
            }
        }

        private void Accept(Paragraph paragraph)
        {
            if (++_paragraphs > limits.MaxParagraphs)
            {
                throw new ReadLimitException(ReadLimits.Exceeded("too many paragraphs", limits.MaxParagraphs, "paragraphs or lines"));
            }

            var lines = ParagraphText.Lines(paragraph);
            if (ParagraphText.IsDeleted(paragraph) && lines.All(string.IsNullOrWhiteSpace))
            {
                return;
            }

            // The number is counted even when the paragraph is empty: Word shows and counts it.
            var label = numbering.Next(paragraph.GetFirstChild<ParagraphProperties>());
            foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                _characters += label.Length + line.Length;
                if (_characters > limits.MaxTextChars)
                {
                    throw new ReadLimitException(ReadLimits.Exceeded("too much text", limits.MaxTextChars, "characters of text"));
                }

                _blocks.Add(new SourceBlock(label + line.Trim(), _paragraphs, null));
                label = string.Empty;
            }
        }
    }
}
