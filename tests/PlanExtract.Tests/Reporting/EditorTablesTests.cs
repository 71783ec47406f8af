using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PlanExtract.Model;
using PlanExtract.Reporting;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The tables as an editor gets them from <c>table --out</c>: each written to a file by the
/// command, opened as a file, and read cell by cell. Expected values are read off the plans:
/// 宝安 plans.txt:79 "孕产妇死亡率下降到6.5/10万以下"; 清城 plans.txt:93 "孕产妇死亡率下降到 8/10 万以下"
/// (清远市 plans.txt:26 the same, so ●); 宝安 plans.txt:534 "儿童伤害死亡率以2020年数据为基数下降20%".
/// </summary>
public sealed partial class EditorTablesTests
{
    private static readonly string[] _symbols = ["≥", "≤", "=", "<", ">", "≈", "↑", "↓", "▲", "●", "▼", "△", "○", "▽", "†"];

    private static string Written(string name, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), "planextract-" + Guid.NewGuid().ToString("N"), name);
        var (code, _, err) = OfficeTablesTests.RunTable([.. args, "--out", file]);
        Assert.True(code == 0, err);
        return file;
    }

    private static readonly Lazy<string> _xlsx = new(() => Written("表.xlsx", "--format", "xlsx"));

    private static int Targets(PlanKind? plan = null) =>
        CorpusResults.Targets.Count(t => plan is null || t.Plan == plan.Value.ToContractName());

    private static string Text(X.Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;

    private static Dictionary<string, X.Cell> Cells(WorksheetPart part) =>
        part.Worksheet!.Descendants<X.Cell>().ToDictionary(c => c.CellReference!.Value!, StringComparer.Ordinal);

    private static WorksheetPart Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook!.Descendants<X.Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!.Value!);
    }

    private static List<string> Header(WorksheetPart part) =>
        [.. part.Worksheet!.Descendants<X.Row>().First().Elements<X.Cell>().Select(Text)];

    private static List<X.Cell> Column(WorksheetPart part, int column)
    {
        var letters = XlsxCrossTable.Reference(column, 1)[..^1];
        return [.. part.Worksheet!.Descendants<X.Row>().Skip(1).SelectMany(r => r.Elements<X.Cell>())
            .Where(c => Regex.Replace(c.CellReference!.Value!, "[0-9]", string.Empty) == letters)];
    }

    [Fact]
    public void Xlsx_has_plan_sheets_targets_and_legend_and_validates()
    {
        using var document = SpreadsheetDocument.Open(_xlsx.Value, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Equal(["妇女", "儿童", "targets", "图例"], document.WorkbookPart!.Workbook!.Descendants<X.Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void Xlsx_value_columns_hold_numbers_with_comparator_unit_and_mark_beside()
    {
        using var document = SpreadsheetDocument.Open(_xlsx.Value, false);
        var women = Sheet(document, "妇女");
        var header = Header(women);
        var cells = Cells(women);
        var row = women.Worksheet!.Descendants<X.Row>().First(r => Text(r.Elements<X.Cell>().ElementAt(1)) == "孕产妇死亡率").RowIndex!.Value;
        X.Cell At(string column) => cells[XlsxCrossTable.Reference(header.IndexOf(column), row)];

        Assert.Equal("≤", Text(At("深圳市宝安区 目标")));
        Assert.Equal(X.CellValues.Number, At("深圳市宝安区 数值").DataType!.Value);
        Assert.Equal(6.5, double.Parse(Text(At("深圳市宝安区 数值")), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/10万", Text(At("深圳市宝安区 单位")));
        Assert.Equal("8", Text(At("清远市清城区 数值")));
        Assert.Equal("●", Text(At("清远市清城区 对照")));

        // Every value column: numbers in numeric cells; only a ratio ("女厕位与男厕位的比例不小于1.5:1") stays text.
        var numeric = 0;
        foreach (var column in header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith(" 数值", StringComparison.Ordinal)))
        {
            foreach (var cell in Column(women, column.i))
            {
                if (cell.DataType?.Value == X.CellValues.Number)
                {
                    numeric++;
                }
                else
                {
                    Assert.Matches("^([0-9.]+:[0-9.]+)?$", Text(cell));
                }
            }
        }

        Assert.True(numeric > 100, $"{numeric} numeric value cells");
    }

    [Fact]
    public void Xlsx_gives_every_value_its_own_link_and_a_bold_frozen_filtered_header()
    {
        using var document = SpreadsheetDocument.Open(_xlsx.Value, false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<X.CellFormat>().ToList();
        var fonts = stylesheet.Fonts!.Elements<X.Font>().ToList();
        foreach (var (name, plan) in new[] { ("妇女", PlanKind.Women), ("儿童", PlanKind.Children), ("targets", (PlanKind?)null) }.Select(p => (p.Item1, p.Item2)))
        {
            var part = Sheet(document, name);
            var links = part.Worksheet!.Descendants<X.Hyperlink>().ToList();
            var expected = plan is { } kind
                ? CrossTableBuilder.Build(CorpusResults.All, kind, CorpusResults.Catalog).Domains.SelectMany(d => d.Rows).SelectMany(r => r.Cells).Sum(c => c.Count)
                : Targets();
            Assert.Equal(expected, links.Count);
            Assert.Equal(links.Count, links.Select(l => l.Reference!.Value).Distinct().Count());
            Assert.Equal(links.Count, part.HyperlinkRelationships.Count());

            var pane = part.Worksheet.Descendants<X.Pane>().Single();
            Assert.Equal(X.PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.StartsWith("A1:", part.Worksheet.Descendants<X.AutoFilter>().Single().Reference!.Value, StringComparison.Ordinal);
            Assert.All(part.Worksheet.Descendants<X.Row>().First().Elements<X.Cell>(), c =>
                Assert.NotNull(fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold));
            Assert.All(part.Worksheet.Descendants<X.Column>(), c => Assert.True(c.Width!.Value >= 5));
        }
    }

    [Fact]
    public void Xlsx_targets_sheet_is_the_long_layout_with_typed_columns()
    {
        using var document = SpreadsheetDocument.Open(_xlsx.Value, false);
        var part = Sheet(document, "targets");
        var header = Header(part);
        Assert.Equal(TargetRows.Fields.Select(f => f.Name), header);
        Assert.Equal(Targets() + 1, part.Worksheet!.Descendants<X.Row>().Count());
        // No plan in the corpus states a deadline year per target (year is null throughout targets.jsonl), so year is not checked here.
        foreach (var name in new[] { "value", "line" })
        {
            var column = Column(part, header.IndexOf(name));
            Assert.NotEmpty(column);
            Assert.All(column, c => Assert.True(c.DataType?.Value == X.CellValues.Number || (name == "value" && Text(c).Contains(':', StringComparison.Ordinal)), $"{name} {c.CellReference}: {Text(c)}"));
        }
    }

    [Fact]
    public void Xlsx_legend_sheet_explains_every_symbol_and_the_parent_documents()
    {
        using var document = SpreadsheetDocument.Open(_xlsx.Value, false);
        var legend = string.Join("\n", Sheet(document, "图例").Worksheet!.Descendants<X.Cell>().Select(Text));
        Assert.All(_symbols, s => Assert.Contains(s, legend, StringComparison.Ordinal));
        Assert.Contains("清远市清城区 对照 清远市《清远市妇女发展规划（2021—2030年）》（corpus/广东省/清远市/plans.txt）", legend, StringComparison.Ordinal);
        Assert.Contains("清远市清城区 的上级 清远市 没有儿童发展规划", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void Children_table_does_not_mark_against_a_parents_womens_plan()
    {
        // 清远市 holds only 清远市妇女发展规划 (its meta.json): 清城区's children's targets have nothing like to compare with.
        var table = CrossTableBuilder.Build(CorpusResults.All, PlanKind.Children, CorpusResults.Catalog);
        var qingcheng = table.Districts.Single(d => d.Name == "清远市清城区");
        Assert.Null(qingcheng.Parent);
        Assert.Equal("清远市", qingcheng.PassedOver);
        var column = table.Districts.ToList().IndexOf(qingcheng);
        Assert.All(table.Domains.SelectMany(d => d.Rows).SelectMany(r => r.Cells[column]), v => Assert.Null(v.VsParent));

        var women = CrossTableBuilder.Build(CorpusResults.All, PlanKind.Women, CorpusResults.Catalog);
        Assert.Equal("corpus/广东省/清远市/plans.txt", women.Districts.Single(d => d.Name == "清远市清城区").ParentDocument!.Source);
    }

    [Fact]
    public void Docx_has_heading_styles_captions_legend_and_validates()
    {
        var file = Written("表.docx", "--format", "docx");
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToList();
        Assert.Equal(0, styles.Single(s => s.StyleName!.Val == "heading 1").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles.Single(s => s.StyleName!.Val == "heading 2").StyleParagraphProperties!.OutlineLevel!.Val!.Value);

        var body = document.MainDocumentPart.Document!.Body!;
        string? Style(W.Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var paragraphs = body.Elements<W.Paragraph>().ToList();
        var tables = new[] { PlanKind.Women, PlanKind.Children }.Select(p => CrossTableBuilder.Build(CorpusResults.All, p, CorpusResults.Catalog)).ToList();
        Assert.Equal(["妇女发展规划：指标 × 地区", "儿童发展规划：指标 × 地区"], paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
        Assert.Equal(tables.SelectMany(t => t.Domains).Select(d => d.Domain), paragraphs.Where(p => Style(p) == "Heading2").Select(p => p.InnerText));

        // Each table right after its caption, numbered by a SEQ field.
        var wordTables = body.Elements<W.Table>().ToList();
        Assert.Equal(tables.Sum(t => t.Domains.Count), wordTables.Count);
        Assert.All(wordTables, t =>
        {
            var caption = Assert.IsType<W.Paragraph>(t.PreviousSibling());
            Assert.Equal("Caption", Style(caption));
            Assert.Contains("SEQ", caption.Descendants<W.SimpleField>().Single().Instruction!.Value, StringComparison.Ordinal);
            Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>());
        });

        var legend = paragraphs.Where(p => p.InnerText.StartsWith("图例", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, legend.Count);
        Assert.All(_symbols, s => Assert.Contains(s, legend[0].InnerText, StringComparison.Ordinal));
        Assert.Equal(PageOrientationLandscape, body.GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.PageSize>()!.Orient!.Value);
    }

    private static readonly W.PageOrientationValues PageOrientationLandscape = W.PageOrientationValues.Landscape;

    [Fact]
    public void Csv_is_long_by_default_one_row_per_target_with_typed_columns()
    {
        var (code, output, _) = OfficeTablesTests.RunTable("--format", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("\uFEFF", output, StringComparison.Ordinal);
        var rows = Csv(output[1..]);
        var header = rows[0];
        Assert.Equal([.. TargetRows.Fields.SelectMany(f => f.Kind == FieldKind.Source ? new[] { f.Name, "link" } : [f.Name])], header);
        Assert.Equal(Targets() + 1, rows.Count);
        string Get(List<string> row, string name) => row[header.IndexOf(name)];
        var comparators = new[] { "<=", ">=", "=", "<", ">", "~", "up", "down", "up_by", "down_by" };
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(header.Count, row.Count);
            Assert.Contains(Get(row, "comparator"), comparators);
            Assert.Contains(Get(row, "parent_comparison"), new[] { "same", "stricter", "looser", "none" });
            Assert.Matches("^([0-9]+(\\.[0-9]+)?|[0-9.]+:[0-9.]+)?$", Get(row, "value"));
            Assert.Matches("^[0-9]*$", Get(row, "line"));
            Assert.DoesNotContain("；", Get(row, "value"), StringComparison.Ordinal);
        }

        // 清城 states it twice, plans.txt:93 (goal) and :495 (key project): two targets, two rows.
        Assert.Equal(["93", "495"], rows.Where(r => Get(r, "district") == "清远市清城区" && Get(r, "indicator_id") == "孕产妇死亡率").Select(r => Get(r, "line")));
        var maternal = rows.Single(r => Get(r, "district") == "清远市清城区" && Get(r, "indicator_id") == "孕产妇死亡率" && Get(r, "line") == "93");
        Assert.Equal(("广东省", "清远市", "county", "women", "<=", "8", "1/10万", "清远市", "same", "93"),
            (Get(maternal, "province"), Get(maternal, "city"), Get(maternal, "level"), Get(maternal, "plan"), Get(maternal, "comparator"), Get(maternal, "value"),
             Get(maternal, "unit"), Get(maternal, "parent"), Get(maternal, "parent_comparison"), Get(maternal, "line")));
        var injury = rows.Single(r => Get(r, "district") == "深圳市宝安区" && Get(r, "indicator_id") == "儿童伤害死亡率");
        Assert.Equal(("down_by", "20", "%", "534"), (Get(injury, "comparator"), Get(injury, "value"), Get(injury, "unit"), Get(injury, "line")));
        Assert.All(rows.Skip(1).Where(r => Get(r, "plan") == "children" && Get(r, "district") == "清远市清城区"), r => Assert.Equal(("", "none"), (Get(r, "parent"), Get(r, "parent_comparison"))));
    }

    [Fact]
    public void Csv_wide_layout_keeps_the_old_form()
    {
        var (code, output, _) = OfficeTablesTests.RunTable("--format", "csv", "--layout", "wide", "--plan", "women", "--domain", "教育");
        Assert.Equal(0, code);
        Assert.StartsWith("\uFEFF规划,领域,指标", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_long_layout_is_one_pipe_table_of_targets()
    {
        var (code, output, _) = OfficeTablesTests.RunTable("--layout", "long", "--plan", "women");
        Assert.Equal(0, code);
        var lines = output.Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.Equal("| " + string.Join(" | ", TargetRows.Fields.Select(f => f.Name)) + " |", lines[0]);
        Assert.Equal(Targets(PlanKind.Women) + 2, lines.Count);
    }

    [Fact]
    public void Filtered_table_says_what_it_holds()
    {
        var (code, output, _) = OfficeTablesTests.RunTable("--plan", "children", "--domain", "健康", "--indicator", "死亡率");
        Assert.Equal(0, code);
        Assert.Contains("只含：儿童发展规划；领域含“健康”；指标含“死亡率”。", output, StringComparison.Ordinal);
        Assert.Matches("于 [0-9]{4}-[0-9]{2}-[0-9]{2} 从 corpus/ 生成", output);
        Assert.DoesNotContain("勿手改", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_that_matches_nothing_exits_1_and_says_so()
    {
        var (code, output, err) = OfficeTablesTests.RunTable("--plan", "children", "--indicator", "不存在的指标");
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: ", err, StringComparison.Ordinal);
        Assert.Contains("no indicator matches --plan children --indicator 不存在的指标", err, StringComparison.Ordinal);
        // One error line; a stale output/ of the repository may add a note that the plans were read.
        Assert.Single(err.Trim().Split('\n'), l => !l.StartsWith("note: ", StringComparison.Ordinal));
    }

    /// <summary>Every link of a written table, whatever the format.</summary>
    private static List<string> Links(string file)
    {
        switch (Path.GetExtension(file))
        {
            case ".xlsx":
                using (var workbook = SpreadsheetDocument.Open(file, false))
                {
                    return [.. workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.HyperlinkRelationships).Select(r => r.Uri.OriginalString)];
                }

            case ".docx":
                using (var document = WordprocessingDocument.Open(file, false))
                {
                    return [.. document.MainDocumentPart!.HyperlinkRelationships.Select(r => r.Uri.OriginalString)];
                }

            case ".csv":
                var rows = Csv(File.ReadAllText(file, Encoding.UTF8).TrimStart('\uFEFF'));
                var column = rows[0].IndexOf("link");
                return [.. rows.Skip(1).Select(r => r[column])];
            default:
                return [.. MarkdownLink().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)];
        }
    }

    public static TheoryData<string, string> Formats => new()
    {
        { "md", "wide" }, { "md", "long" }, { "csv", "long" }, { "docx", "wide" }, { "docx", "long" }, { "xlsx", "wide" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Links_without_a_base_resolve_from_the_written_files_own_folder(string format, string layout)
    {
        var file = Written("t." + format, "--format", format, "--layout", layout);
        var links = Links(file);
        Assert.NotEmpty(links);
        Assert.All(links, link => AssertLineExists(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(link.Split('#')[0])), link));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Links_with_a_folder_base_resolve_to_the_files_in_that_folder(string format, string layout)
    {
        var file = Written("t." + format, "--format", format, "--layout", layout, "--link-base", RepoPaths.Root);
        var links = Links(file);
        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            var uri = new Uri(link);
            Assert.Equal("file", uri.Scheme);
            AssertLineExists(uri.LocalPath, link);
        });
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Links_with_a_web_base_are_that_address_and_the_source_name(string format, string layout)
    {
        const string web = "https://github.com/example/PlanExtract/blob/main";
        var file = Written("t." + format, "--format", format, "--layout", layout, "--link-base", web + "/");
        var links = Links(file);
        Assert.NotEmpty(links);
        Assert.All(links, link =>
        {
            Assert.StartsWith(web + "/corpus/", link, StringComparison.Ordinal);
            Assert.True(Uri.IsWellFormedUriString(new Uri(link).AbsoluteUri, UriKind.Absolute), link);
            AssertLineExists(Path.Combine(RepoPaths.Root, Uri.UnescapeDataString(link[(web.Length + 1)..].Split('#')[0])), link);
        });
    }

    /// <summary>The file is there and, for a "#L93" anchor, has that line.</summary>
    private static void AssertLineExists(string path, string link)
    {
        Assert.True(File.Exists(path), $"{link} → {path}");
        if (Regex.Match(link, "#L([0-9]+)$") is { Success: true } line)
        {
            Assert.True(File.ReadLines(path).Count() >= int.Parse(line.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), link);
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    /// <summary>RFC 4180 rows: quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
