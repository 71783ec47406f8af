using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanExtract.Model;
using PlanExtract.Reporting;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The xlsx writer as it was before it streamed (the whole document in the OpenXml DOM), kept
/// as the oracle the streamed writer's output is compared with, part by part.
/// </summary>
internal static class DomXlsxCrossTable
{
    /// <summary>The columns each district takes in a wide sheet, in order.</summary>
    public static readonly string[] DistrictFields = ["目标", "数值", "单位", "人群", "对照"];

    public const string TargetsSheet = "targets";

    public const string LegendSheet = "图例";

    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, string linkFolder) =>
        Write(stream, tables, new CrossTableWriteOptions(linkFolder));

    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Stylesheet();
        stylesPart.Stylesheet.Save();
        var sheets = new Sheets();
        var filters = new DefinedNames();
        var links = options.Links();
        workbookPart.Workbook = new Workbook(sheets);

        void Add(string name, Func<WorksheetPart, (Worksheet Sheet, string? Filter)> make)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var (sheet, filter) = make(part);
            part.Worksheet = sheet;
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
            if (filter is not null)
            {
                // Excel keeps an autofilter's range under this hidden name; without it some versions drop the filter buttons.
                filters.Append(new DefinedName($"'{name}'!{filter}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)sheets.Count() - 1, Hidden = true });
            }
        }

        if (options.Layout != TableLayout.Long)
        {
            foreach (var table in tables)
            {
                Add(table.Plan == PlanKind.Women ? "妇女" : "儿童", part => WideSheet(part, table, links));
            }
        }

        Add(TargetsSheet, part => LongSheet(part, tables, links));
        Add(LegendSheet, _ => (LegendSheetOf(tables, options), null));
        if (filters.HasChildren)
        {
            workbookPart.Workbook.Append(filters);
        }

        workbookPart.Workbook.Save();
    }

    private static (Worksheet, string?) WideSheet(WorksheetPart part, CrossTable table, SourceLinks links)
    {
        var data = new SheetData();
        var hyperlinks = new Hyperlinks();
        var header = new List<string> { "领域", "指标", "目录外" };
        header.AddRange(table.Districts.SelectMany(d => DistrictFields.Select(f => $"{d.Name} {f}")));
        data.Append(HeaderRow(header));
        uint r = 2;
        foreach (var domain in table.Domains)
        {
            foreach (var row in domain.Rows)
            {
                for (var i = 0; i < Math.Max(1, row.Cells.Max(c => c.Count)); i++, r++)
                {
                    var cells = new Row { RowIndex = r };
                    cells.Append(TextCell(0, r, domain.Domain), TextCell(1, r, row.Indicator));
                    if (!row.InCatalog)
                    {
                        cells.Append(TextCell(2, r, Marks.NotInCatalog));
                    }

                    for (var c = 0; c < row.Cells.Count; c++)
                    {
                        if (i < row.Cells[c].Count)
                        {
                            var column = 3 + (c * DistrictFields.Length);
                            var value = row.Cells[c][i];
                            ValueCells(cells, column, r, value, part, hyperlinks, links);
                        }
                    }

                    data.Append(cells);
                }
            }
        }

        var columns = new Columns(Width(1, 1, 16), Width(2, 2, 34), Width(3, 3, 6));
        for (var c = 0; c < table.Districts.Count; c++)
        {
            var first = (uint)(4 + (c * DistrictFields.Length));
            columns.Append(Width(first, first, 5), Width(first + 1, first + 1, 9), Width(first + 2, first + 2, 8), Width(first + 3, first + 3, 14), Width(first + 4, first + 4, 6));
        }

        return Finish(data, columns, hyperlinks, header.Count, r - 1, frozenColumns: 3);
    }

    /// <summary>One value in its district's five cells, the link on the number (on the arrow when it has none).</summary>
    private static void ValueCells(Row cells, int column, uint r, PlanExtract.Reporting.CellValue value, WorksheetPart part, Hyperlinks hyperlinks, SourceLinks links)
    {
        var t = value.Target;
        var number = TargetRows.IsNumber(t.Value);
        cells.Append(TextCell(column, r, Symbol(t.Comparator), number ? Style.Plain : Style.Link));
        if (t.Value is { } written)
        {
            cells.Append(number ? NumberCell(column + 1, r, written, linked: true) : TextCell(column + 1, r, written));
        }

        if (t.Unit is { } unit)
        {
            cells.Append(TextCell(column + 2, r, unit.StartsWith("1/", StringComparison.Ordinal) ? unit[1..] : unit));
        }

        if (t.Population is { } population)
        {
            cells.Append(TextCell(column + 3, r, population));
        }

        if (Marks.Of(value).Trim() is { Length: > 0 } marks)
        {
            cells.Append(TextCell(column + 4, r, marks));
        }

        var id = part.AddHyperlinkRelationship(new Uri(links.To(value), UriKind.RelativeOrAbsolute), true).Id;
        hyperlinks.Append(new Hyperlink { Reference = Reference(number ? column + 1 : column, r), Id = id });
    }

    private static (Worksheet, string?) LongSheet(WorksheetPart part, IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        var data = new SheetData();
        var hyperlinks = new Hyperlinks();
        var fields = TargetRows.Fields;
        data.Append(HeaderRow([.. fields.Select(f => f.Name)]));
        uint r = 2;
        foreach (var row in tables.SelectMany(TargetRows.Of))
        {
            var cells = new Row { RowIndex = r };
            for (var c = 0; c < fields.Count; c++)
            {
                if (fields[c].Value(row) is not { } value)
                {
                    continue;
                }

                if (fields[c].Kind == FieldKind.Number && TargetRows.IsNumber(value))
                {
                    cells.Append(NumberCell(c, r, value, linked: false));
                }
                else if (fields[c].Kind == FieldKind.Source)
                {
                    cells.Append(TextCell(c, r, value, Style.Link));
                    var id = part.AddHyperlinkRelationship(new Uri(links.To(row.Value.FilePath, row.Target.Source, MarkdownCrossTable.Anchor(row.Target)), UriKind.RelativeOrAbsolute), true).Id;
                    hyperlinks.Append(new Hyperlink { Reference = Reference(c, r), Id = id });
                }
                else
                {
                    cells.Append(TextCell(c, r, value));
                }
            }

            data.Append(cells);
            r++;
        }

        var columns = new Columns(fields.Select((f, i) => Width((uint)i + 1, (uint)i + 1, f.Name switch
        {
            "indicator" or "indicator_id" or "source" => 30,
            "text" => 50,
            "domain" or "district" or "population" => 14,
            _ => 10,
        })));
        return Finish(data, columns, hyperlinks, fields.Count, r - 1, frozenColumns: 0);
    }

    private static Worksheet LegendSheetOf(IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        var data = new SheetData();
        uint r = 1;
        void Line(string text, uint style = Style.Wrap)
        {
            data.Append(new Row(TextCell(0, r, text, style)) { RowIndex = r });
            r++;
        }

        Line("图例", Style.Bold);
        Line(TableHeader.Of(options.Scope).Replace("`", string.Empty, StringComparison.Ordinal));
        Line("各规划一张表，每地区五列：目标（数值前的符号）、数值（数字格，可排序筛选，链接到原文所在行）、单位、人群、对照（▲●▼△○▽）；同一指标写了几个数值就占几行，一行一个数值。targets 表每行一个目标，列名与 output/targets.jsonl 的键相同，comparator 为契约中的写法（<=、>=、=、~、up、down、up_by、down_by）。");
        foreach (var table in tables)
        {
            r++;
            Line(table.Title, Style.Bold);
            foreach (var line in Marks.Legend(table))
            {
                Line(line);
            }

            // The counts the Markdown and Word tables show as a last row per domain: here apart, so the data sheets sort and filter cleanly.
            var header = new Row { RowIndex = r };
            header.Append(TextCell(0, r, MarkdownCrossTable.CountRow + "：领域", Style.Bold));
            for (var c = 0; c < table.Districts.Count; c++)
            {
                header.Append(TextCell(c + 1, r, table.Districts[c].Name, Style.Bold));
            }

            data.Append(header);
            r++;
            foreach (var domain in table.Domains)
            {
                var row = new Row { RowIndex = r };
                row.Append(TextCell(0, r, domain.Domain));
                var counts = domain.Counts(table.Districts.Count);
                for (var c = 0; c < counts.Count; c++)
                {
                    row.Append(NumberCell(c + 1, r, counts[c].ToString(CultureInfo.InvariantCulture), linked: false));
                }

                data.Append(row);
                r++;
            }
        }

        return new Worksheet(new Columns(Width(1, 1, 110), Width(2, 8, 14)), data);
    }

    private static (Worksheet, string?) Finish(SheetData data, Columns columns, Hyperlinks hyperlinks, int width, uint lastRow, int frozenColumns)
    {
        var topLeft = Reference(frozenColumns, 2);
        var pane = new Pane { VerticalSplit = 1D, TopLeftCell = topLeft, ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft, State = PaneStateValues.Frozen };
        if (frozenColumns > 0)
        {
            pane.HorizontalSplit = frozenColumns;
        }

        var views = new SheetViews(new SheetView(
            pane,
            new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        { WorkbookViewId = 0U });
        var range = $"{Reference(0, 1)}:{Reference(width - 1, Math.Max(lastRow, 1))}";
        var sheet = new Worksheet(views, columns, data, new AutoFilter { Reference = range });
        if (hyperlinks.HasChildren)
        {
            sheet.Append(hyperlinks);
        }

        return (sheet, Absolute(range));
    }

    private static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r => "$" + new string([.. r.TakeWhile(char.IsLetter)]) + "$" + new string([.. r.SkipWhile(char.IsLetter)])));

    private static string Symbol(string comparator) => comparator switch
    {
        "<=" => "≤",
        ">=" => "≥",
        "~" => "≈",
        "up" or "up_by" => "↑",
        "down" or "down_by" => "↓",
        var c => c,
    };

    private static Row HeaderRow(IReadOnlyList<string> names)
    {
        // Tall enough for a district's name and its field on two lines.
        var row = new Row { RowIndex = 1U, Height = 45D, CustomHeight = true };
        for (var c = 0; c < names.Count; c++)
        {
            row.Append(TextCell(c, 1U, names[c], Style.Header));
        }

        return row;
    }

    private static Column Width(uint min, uint max, double width) => new() { Min = min, Max = max, Width = width, CustomWidth = true };

    private static Cell TextCell(int column, uint row, string text, uint style = Style.Plain) =>
        new(new InlineString(new CellText(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = style == Style.Plain ? null : style,
        };

    /// <summary>A numeric cell showing as many decimals as the plan wrote ("2.0‰" stays 2.0).</summary>
    private static Cell NumberCell(int column, uint row, string value, bool linked)
    {
        var decimals = value.Contains('.', StringComparison.Ordinal) ? value.Length - value.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var style = decimals switch
        {
            0 => linked ? Style.Link : Style.Plain,
            1 => linked ? Style.Link1 : Style.Plain1,
            2 => linked ? Style.Link2 : Style.Plain2,
            _ => linked ? Style.Link : Style.Plain,
        };
        return new Cell(new DocumentFormat.OpenXml.Spreadsheet.CellValue(value))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.Number,
            StyleIndex = style == Style.Plain ? null : style,
        };
    }

    public static string Reference(int column, uint row)
    {
        var name = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The cell formats of <see cref="Stylesheet"/>, by index.</summary>
    private static class Style
    {
        public const uint Plain = 0;
        public const uint Header = 1;
        public const uint Link = 2;
        public const uint Link1 = 3;
        public const uint Link2 = 4;
        public const uint Plain1 = 5;
        public const uint Plain2 = 6;
        public const uint Wrap = 7;
        public const uint Bold = 8;
    }

    private static Stylesheet Stylesheet()
    {
        static Font Font(bool bold = false, bool link = false)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            if (link)
            {
                font.Append(new Underline());
            }

            font.Append(new FontSize { Val = 11D });
            if (link)
            {
                font.Append(new Color { Rgb = "FF0563C1" });
            }

            font.Append(new FontName { Val = "Calibri" });
            return font;
        }

        static CellFormat Format(uint font, uint numberFormat = 0, Alignment? alignment = null)
        {
            var format = new CellFormat { FontId = font, FillId = 0U, BorderId = 0U, NumberFormatId = numberFormat, FormatId = 0U };
            if (font != 0)
            {
                format.ApplyFont = true;
            }

            if (numberFormat != 0)
            {
                format.ApplyNumberFormat = true;
            }

            if (alignment is not null)
            {
                format.ApplyAlignment = true;
                format.Append(alignment);
            }

            return format;
        }

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164U, FormatCode = "0.0" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "0.00" })
            { Count = 2U },
            new Fonts(Font(), Font(bold: true), Font(link: true)) { Count = 3U },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                Format(0),
                Format(1, alignment: new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }),
                Format(2),
                Format(2, 164U),
                Format(2, 165U),
                Format(0, 164U),
                Format(0, 165U),
                Format(0, alignment: new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }),
                Format(1))
            { Count = 9U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
