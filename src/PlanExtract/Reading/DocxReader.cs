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
public sealed class DocxReader : IDocumentReader
{
    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public IReadOnlyList<SourceBlock> Read(string path) => ReadBytes(path, DocumentFile.ReadAllBytes(path));

    public static IReadOnlyList<SourceBlock> ReadBytes(string path, byte[] bytes)
    {
        CheckSignature(path, bytes);
        List<SourceBlock> blocks;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart ?? throw new DocumentReadException(path, "not a Word document (the package has no main document part)");
            var body = main.Document?.Body ?? throw new DocumentReadException(path, "not a Word document (no document body)");
            var numbering = new NumberingRenderer(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles);
            blocks = new BodyWalker(numbering).Read(body);
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
    private sealed class BodyWalker(NumberingRenderer numbering)
    {
        private readonly List<SourceBlock> _blocks = [];
        private int _paragraphs;

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
            _paragraphs++;
            var lines = ParagraphText.Lines(paragraph);
            if (ParagraphText.IsDeleted(paragraph) && lines.All(string.IsNullOrWhiteSpace))
            {
                return;
            }

            // The number is counted even when the paragraph is empty: Word shows and counts it.
            var label = numbering.Next(paragraph.GetFirstChild<ParagraphProperties>());
            foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                _blocks.Add(new SourceBlock(label + line.Trim(), _paragraphs, null));
                label = string.Empty;
            }
        }
    }
}
