using System.CommandLine;
using System.Reflection;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reporting;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PlanExtract.Tests.Reporting;

public sealed class OfficeTablesTests
{
    private static IReadOnlyList<CrossTable> BothPlans(TableFilter? filter = null) =>
        [.. new[] { PlanKind.Women, PlanKind.Children }.Select(p => CrossTableBuilder.Build(CorpusResults.All, p, CorpusResults.Catalog, filter))];

    private static readonly string _folder = Path.Combine(RepoPaths.Root, "output", "tables");

    [Fact]
    public void Docx_is_a_valid_word_table_with_repeated_headers_and_links()
    {
        using var stream = new MemoryStream();
        var tables = BothPlans();
        DocxCrossTable.Write(stream, tables, _folder);
        stream.Position = 0;
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var body = document.MainDocumentPart!.Document!.Body!;
        var wordTables = body.Elements<W.Table>().ToList();
        Assert.Equal(tables.Sum(t => t.Domains.Count), wordTables.Count);
        Assert.All(wordTables, t => Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>()));
        var values = tables.SelectMany(t => t.Domains).SelectMany(d => d.Rows).SelectMany(r => r.Cells).Sum(c => c.Count);
        Assert.Equal(values, body.Descendants<W.Hyperlink>().Count());
        var link = document.MainDocumentPart.HyperlinkRelationships.First();
        Assert.StartsWith("../../corpus/", link.Uri.OriginalString, StringComparison.Ordinal);
        Assert.Matches("#L[0-9]+$", link.Uri.OriginalString);
    }

    [Fact]
    public void Xlsx_is_a_valid_sheet_with_a_frozen_header_and_a_link_per_value()
    {
        using var stream = new MemoryStream();
        var tables = BothPlans();
        XlsxCrossTable.Write(stream, tables, _folder);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheets = document.WorkbookPart!.WorksheetParts.ToList();
        Assert.Equal(4, sheets.Count);
        foreach (var (part, table) in sheets.Zip(tables))
        {
            var pane = part.Worksheet!.Descendants<X.Pane>().Single();
            Assert.Equal(X.PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            // A row per value: an indicator takes as many rows as its district with the most values; no count rows.
            var rows = part.Worksheet.Descendants<X.Row>().Count();
            Assert.Equal(1 + table.Domains.SelectMany(d => d.Rows).Sum(r => Math.Max(1, r.Cells.Max(c => c.Count))), rows);
            Assert.Equal(table.Domains.SelectMany(d => d.Rows).SelectMany(r => r.Cells).Sum(c => c.Count), part.Worksheet.Descendants<X.Hyperlink>().Count());
        }
    }

    [Fact]
    public void Filtered_docx_and_xlsx_validate_too()
    {
        var tables = BothPlans(new TableFilter("健康", "死亡率"));
        Assert.All(tables, t => Assert.All(t.Domains, d => Assert.Contains("健康", d.Domain, StringComparison.Ordinal)));
        using var docx = new MemoryStream();
        DocxCrossTable.Write(docx, tables, _folder);
        docx.Position = 0;
        using (var document = WordprocessingDocument.Open(docx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        using var xlsx = new MemoryStream();
        XlsxCrossTable.Write(xlsx, tables, _folder);
        xlsx.Position = 0;
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
    }

    [Fact]
    public void Csv_starts_with_a_bom_and_has_a_row_per_indicator_and_count()
    {
        var tables = BothPlans();
        var bytes = CsvCrossTable.Write(tables);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("规划,领域,指标,深圳市宝安区,深圳市宝安区 来源,清远市,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + tables.Sum(t => t.Domains.Sum(d => d.Rows.Count + 1)), lines.Length);
        Assert.Contains(lines, l => l.StartsWith("妇女发展规划,妇女与健康,孕产妇死亡率,≤6.5/10万,corpus/广东省/深圳市/宝安区/plans.txt#L79,", StringComparison.Ordinal));
    }

    [Fact]
    public void Reference_values_in_the_catalog_mark_cells_against_them()
    {
        // A made-up reference for the test only: the committed catalog cites none.
        var catalog = CorpusResults.Catalog with
        {
            Indicators = [.. CorpusResults.Catalog.Indicators.Select(i => i.Id == "孕产妇死亡率"
                ? i with { References = [new ReferenceValue { Comparator = "<=", Value = "8", Unit = "1/10万", Source = "test" }] }
                : i)],
        };
        var row = CrossTableBuilder.Build(CorpusResults.All, PlanKind.Women, catalog).Domains.SelectMany(d => d.Rows).Single(r => r.Indicator == "孕产妇死亡率");
        Assert.Equal([Strictness.Stricter, Strictness.Same, Strictness.Same, Strictness.Looser], row.Cells.Select(c => c[0].VsReference));
        var line = MarkdownCrossTable.Write([CrossTableBuilder.Build(CorpusResults.All, PlanKind.Women, catalog)], _folder).Split('\n').Single(l => l.StartsWith("| 孕产妇死亡率", StringComparison.Ordinal));
        Assert.Contains("plans.txt#L61) ▽", line, StringComparison.Ordinal);
        Assert.Contains("plans.txt#L93) ●○", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<=", "6.5", "<=", "8", false, Strictness.Stricter)]
    [InlineData(">=", "92", ">=", "90", false, Strictness.Stricter)]
    [InlineData(">=", "90", "=", "90", false, Strictness.Same)]
    [InlineData("=", "95", "=", "98.5", false, Strictness.Looser)]
    [InlineData("down_by", "20", "down_by", "10", true, Strictness.Stricter)]
    [InlineData("up", null, "up", null, false, Strictness.Same)]
    public void Strictness_follows_the_direction(string comparator, string? value, string other, string? otherValue, bool relative, Strictness expected)
    {
        var unit = relative ? "%" : value is null ? null : "%";
        Assert.Equal(expected, StrictnessRule.Compare(comparator, value, unit, other, otherValue, unit, null));
    }

    [Fact]
    public void Unlike_targets_get_no_mark()
    {
        Assert.Null(StrictnessRule.Compare(">=", "90", "%", "up", null, null, null));
        Assert.Null(StrictnessRule.Compare(">=", "65", "家", ">=", "350", "家", null));
        Assert.Null(StrictnessRule.Compare("<=", "8", "1/10万", "<=", "8", "%", null));
    }

    internal static (int Code, string Out, string Err) RunTable(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The command is internal to the CLI and registered by Commands.All; build it the same way here.
        var create = typeof(PlanExtract.Cli.Cli).Assembly.GetType("PlanExtract.Cli.TableCommand")!.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
        var root = new RootCommand { (Command)create.Invoke(null, [stdout, stderr])! };
        var parse = root.Parse(["table", .. args, "--corpus", RepoPaths.Corpus]);
        if (parse.Errors.Count > 0)
        {
            return (2, stdout.ToString(), string.Join("\n", parse.Errors.Select(e => e.Message)));
        }

        var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Table_command_prints_filtered_markdown()
    {
        var (code, output, _) = RunTable("--plan", "children", "--indicator", "死亡率");
        Assert.Equal(0, code);
        var tables = MarkdownTablesTests.Tables(output);
        Assert.Equal(["儿童与健康", "儿童与安全"], tables.Select(t => t.Heading));
        Assert.Equal(["新生儿死亡率", "婴儿死亡率", "5岁以下儿童死亡率", "**目标数**"], tables[0].Rows.Select(r => r[0]));
    }

    [Fact]
    public void Table_command_needs_out_for_binary_formats()
    {
        Assert.Equal(2, RunTable("--format", "docx").Code);
        var file = Path.Combine(Path.GetTempPath(), "planextract-" + Guid.NewGuid().ToString("N"), "table.xlsx");
        var (code, _, _) = RunTable("--format", "xlsx", "--out", file);
        Assert.Equal(0, code);
        using var workbook = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook));
    }

    [Fact]
    public void Table_command_streams_a_file_in_place_of_the_old_one_and_leaves_no_temporary()
    {
        // The table is written to a file as it is made, not built whole in memory first (115 MB of
        // CSV at 3,200 documents), through a temporary file so a failed write leaves the old one.
        var folder = Path.Combine(Path.GetTempPath(), "planextract-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "table.csv");
        File.WriteAllText(file, "an older table");
        try
        {
            string[] args = ["--format", "csv", "--plan", "women", "--domain", "健康", "--link-base", "https://example.org/r"];
            var (code, _, err) = RunTable([.. args, "--out", file]);
            Assert.Equal(0, code);
            Assert.Contains("wrote " + file, err, StringComparison.Ordinal);
            Assert.Equal([file], Directory.GetFiles(folder));
            var (_, printed, _) = RunTable(args);
            Assert.Equal(printed, System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file)));
            Assert.StartsWith("\uFEFFprovince,city,district", printed, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Table_command_csv_to_stdout_keeps_the_bom()
    {
        var (code, output, _) = RunTable("--format", "csv", "--plan", "women", "--domain", "教育");
        Assert.Equal(0, code);
        Assert.StartsWith("\uFEFFprovince,city,district", output, StringComparison.Ordinal);
    }
}
