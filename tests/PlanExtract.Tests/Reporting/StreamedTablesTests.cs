using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PlanExtract.Model;
using PlanExtract.Reporting;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The tables written to their stream as they are made. The Office tables, written a part at a
/// time (<see cref="StreamedPackage"/>), against the same tables built whole in the OpenXml DOM by
/// the writers they replace (<see cref="DomXlsxCrossTable"/>, <see cref="DomDocxCrossTable"/>):
/// every element, attribute and text of every part the same, a link compared by where it leads,
/// since the relationship ids differ. The CSV and Markdown, streamed, against their text whole.
/// </summary>
public sealed class StreamedTablesTests
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly string _folder = Path.Combine(RepoPaths.Root, "output", "tables");

    public static TheoryData<string> Cases => ["both plans", "filtered", "long", "wide, 160 districts", "link base"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Xlsx_holds_what_the_dom_writer_made(string name)
    {
        var (tables, options) = Case(name);
        using var streamed = Written(s => XlsxCrossTable.Write(s, tables, options));
        using var dom = Written(s => DomXlsxCrossTable.Write(s, tables, options));
        using var actual = SpreadsheetDocument.Open(streamed, false);
        using var expected = SpreadsheetDocument.Open(dom, false);
        Assert.Empty(new OpenXmlValidator().Validate(actual));
        Assert.Equal(ContentTypes(expected), ContentTypes(actual));
        var (expectedBook, actualBook) = (expected.WorkbookPart!, actual.WorkbookPart!);
        Assert.Equal(Canonical(expectedBook.WorkbookStylesPart!.Stylesheet!), Canonical(actualBook.WorkbookStylesPart!.Stylesheet!));
        Assert.Equal(Canonical(expectedBook.Workbook!.DefinedNames), Canonical(actualBook.Workbook!.DefinedNames));
        var expectedSheets = expectedBook.Workbook.Sheets!.Elements<X.Sheet>().ToList();
        var actualSheets = actualBook.Workbook.Sheets!.Elements<X.Sheet>().ToList();
        Assert.Equal(expectedSheets.Select(s => (s.Name!.Value, s.SheetId!.Value)), actualSheets.Select(s => (s.Name!.Value, s.SheetId!.Value)));
        var cells = 0;
        foreach (var (e, a) in expectedSheets.Zip(actualSheets))
        {
            var expectedPart = (WorksheetPart)expectedBook.GetPartById(e.Id!);
            var actualPart = (WorksheetPart)actualBook.GetPartById(a.Id!);
            Assert.Equal(Canonical(expectedPart.Worksheet!, Links(expectedPart)), Canonical(actualPart.Worksheet!, Links(actualPart)));
            cells += actualPart.Worksheet!.Descendants<X.Cell>().Count();
        }

        // Not two empty workbooks that agree: every value is a link, and there are cells to compare.
        var values = tables.SelectMany(t => t.Domains).SelectMany(d => d.Rows).SelectMany(r => r.Cells).Sum(c => c.Count);
        Assert.True(values > 0 && cells > values, $"{values} values, {cells} cells");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Docx_holds_what_the_dom_writer_made(string name)
    {
        var (tables, options) = Case(name);
        using var streamed = Written(s => DocxCrossTable.Write(s, tables, options));
        using var dom = Written(s => DomDocxCrossTable.Write(s, tables, options));
        using var actual = WordprocessingDocument.Open(streamed, false);
        using var expected = WordprocessingDocument.Open(dom, false);
        Assert.Empty(new OpenXmlValidator().Validate(actual));
        Assert.Equal(ContentTypes(expected), ContentTypes(actual));
        var (expectedMain, actualMain) = (expected.MainDocumentPart!, actual.MainDocumentPart!);
        Assert.Equal(Canonical(expectedMain.StyleDefinitionsPart!.Styles!), Canonical(actualMain.StyleDefinitionsPart!.Styles!));
        Assert.Equal(Canonical(expectedMain.Document!, Links(expectedMain)), Canonical(actualMain.Document!, Links(actualMain)));
        Assert.True(actualMain.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Hyperlink>().Any());
    }

    [Fact]
    public void A_failed_write_throws_the_writers_error_not_the_packages()
    {
        // A table whose writing fails half-way (here the stream refuses more bytes) must surface
        // that failure: the caller's temporary file is then removed and the old file kept.
        var tables = Case("wide, 160 districts").Tables;
        using var full = new LimitedStream(64 * 1024);
        var error = Assert.ThrowsAny<IOException>(() => XlsxCrossTable.Write(full, tables, new CrossTableWriteOptions(_folder)));
        Assert.Contains(LimitedStream.Message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TableLayout.Long)]
    [InlineData(TableLayout.Wide)]
    public void Csv_streamed_to_a_pipe_is_the_table_with_one_bom(TableLayout layout)
    {
        var tables = Plans();
        var options = new CrossTableWriteOptions(_folder) { Layout = layout };
        using var pipe = new PipeStream();
        CrossTableWriters.For("csv").Write(tables, pipe, options);
        var bytes = pipe.ToArray();
        Assert.Equal(layout == TableLayout.Long ? CsvCrossTable.WriteLong(tables, options.Links()) : CsvCrossTable.Write(tables), bytes);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.NotEqual(Encoding.UTF8.Preamble.ToArray(), bytes[3..6]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(string.Empty, lines[^1]);
        var rows = layout == TableLayout.Long
            ? tables.Sum(t => TargetRows.Of(t).Count())
            : tables.Sum(t => t.Domains.Sum(d => d.Rows.Count + 1));
        Assert.Equal(1 + rows, lines.Length - 1);
    }

    [Theory]
    [InlineData(TableLayout.Long)]
    [InlineData(TableLayout.Wide)]
    public void Markdown_streamed_to_a_pipe_is_the_text_build_writes(TableLayout layout)
    {
        var (tables, options) = Case("both plans");
        options = options with { Layout = layout };
        using var pipe = new PipeStream();
        CrossTableWriters.For("md").Write(tables, pipe, options);
        var text = layout == TableLayout.Long ? MarkdownCrossTable.WriteLong(tables, options) : MarkdownCrossTable.Write(tables, options);
        Assert.Equal(Encoding.UTF8.GetBytes(text), pipe.ToArray());
        Assert.StartsWith("# ", text, StringComparison.Ordinal);
        // A link per target in the long layout, per value in the wide one.
        var links = text.Split("](").Length - 1;
        Assert.Equal(layout == TableLayout.Long
            ? tables.Sum(t => TargetRows.Of(t).Count())
            : tables.SelectMany(t => t.Domains).SelectMany(d => d.Rows).SelectMany(r => r.Cells).Sum(c => c.Count), links);
    }

    private static (IReadOnlyList<CrossTable> Tables, CrossTableWriteOptions Options) Case(string name)
    {
        var options = new CrossTableWriteOptions(_folder) { Layout = TableLayout.Wide };
        return name switch
        {
            "both plans" => (Plans(), options),
            "filtered" => (Plans(new TableFilter("健康", "死亡率")), options with { Scope = new TableScope(null, new TableFilter("健康", "死亡率"), new DateOnly(2026, 12, 1)) }),
            "long" => (Plans(), options with { Layout = TableLayout.Long }),
            "wide, 160 districts" => ([Wide(Plans()[0], 40)], options),
            "link base" => (Plans(), options with { LinkBase = "https://example.org/r/blob/main" }),
            _ => throw new ArgumentException(name),
        };
    }

    private static IReadOnlyList<CrossTable> Plans(TableFilter? filter = null) =>
        [.. new[] { PlanKind.Women, PlanKind.Children }.Select(p => CrossTableBuilder.Build(CorpusResults.All, p, CorpusResults.Catalog, filter))];

    /// <summary>The table's districts repeated <paramref name="copies"/> times under new names: columns past ZZ, rows thousands of cells wide.</summary>
    private static CrossTable Wide(CrossTable table, int copies) => table with
    {
        Districts = [.. Enumerable.Range(0, copies).SelectMany(k => table.Districts.Select(d => d with { Name = $"{d.Name}{k}" }))],
        Domains = [.. table.Domains.Select(d => d with { Rows = [.. d.Rows.Select(r => r with { Cells = [.. Enumerable.Range(0, copies).SelectMany(_ => r.Cells)] })] })],
    };

    private static MemoryStream Written(Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        stream.Position = 0;
        return stream;
    }

    private static List<string> ContentTypes(OpenXmlPackage document) => [.. document.GetAllParts().Select(p => p.ContentType).Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> Links(OpenXmlPart part)
    {
        Assert.All(part.HyperlinkRelationships, r => Assert.True(r.IsExternal));
        return part.HyperlinkRelationships.ToDictionary(r => r.Id, r => r.Uri.OriginalString);
    }

    /// <summary>Every element, its attributes in order of name and its text; an <c>r:id</c> as the link it names.</summary>
    private static string Canonical(OpenXmlElement? element, IReadOnlyDictionary<string, string>? links = null)
    {
        var text = new StringBuilder();
        void Walk(OpenXmlElement e)
        {
            text.Append('<').Append(e.NamespaceUri).Append(' ').Append(e.LocalName);
            foreach (var a in e.GetAttributes().OrderBy(a => a.NamespaceUri, StringComparer.Ordinal).ThenBy(a => a.LocalName, StringComparer.Ordinal))
            {
                var value = a.NamespaceUri == RelationshipsNamespace && links is not null && links.TryGetValue(a.Value!, out var target) ? "link " + target : a.Value;
                text.Append(' ').Append(a.NamespaceUri).Append(' ').Append(a.LocalName).Append("=\"").Append(value).Append('"');
            }

            text.Append('>');
            if (e is OpenXmlLeafTextElement leaf)
            {
                text.Append(leaf.Text);
            }

            foreach (var child in e.ChildElements)
            {
                Walk(child);
            }

            text.Append("</>\n");
        }

        if (element is not null)
        {
            Walk(element);
        }

        return text.ToString();
    }

    /// <summary>A stream that cannot seek or read back, as standard output piped on is.</summary>
    private sealed class PipeStream : MemoryStream
    {
        public override bool CanSeek => false;

        public override bool CanRead => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }

    /// <summary>A stream that takes this many bytes and then fails, as a full disk does.</summary>
    private sealed class LimitedStream(long limit) : MemoryStream
    {
        public const string Message = "no space left (test)";

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > limit)
            {
                throw new IOException(Message);
            }

            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > limit)
            {
                throw new IOException(Message);
            }

            base.Write(buffer);
        }
    }
}
