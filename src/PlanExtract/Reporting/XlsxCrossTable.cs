using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanExtract.Model;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// The cross-reference table as a workbook an editor can sort and filter: a wide sheet per plan
/// type, the long <c>targets</c> sheet, and a <c>图例</c> sheet with the legend and the counts.
/// In the wide sheets each district has five columns — 目标 (≥ ≤ = ≈ ↑ ↓), 数值 (a numeric cell),
/// 单位, 人群, 对照 (the marks) — and each value its own row: a number alone in its cell sorts and
/// filters as a number, the comparator and the marks in their own cells filter by themselves
/// ("every ▼", "every ≥"), and a value per row gives every value its own link. Every sheet has a
/// bold frozen header row with an autofilter.
/// </summary>
public static class XlsxCrossTable
{
    /// <summary>The columns each district takes in a wide sheet, in order.</summary>
    public static readonly string[] DistrictFields = ["目标", "数值", "单位", "人群", "对照"];

    public const string TargetsSheet = "targets";

    public const string LegendSheet = "图例";

    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, string linkFolder) =>
        Write(stream, tables, new CrossTableWriteOptions(linkFolder));

    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        using var package = new StreamedPackage(stream);
        var links = options.Links();
        var sheets = new List<(string Name, PackagePart Part, string? Filter)>();
        void Add(string name, Func<PackagePart, OpenXmlWriter, string?> write)
        {
            string? filter = null;
            var part = package.Write($"/xl/worksheets/sheet{sheets.Count + 1}.xml", WorksheetType, (p, writer) => filter = write(p, writer));
            sheets.Add((name, part, filter));
        }

        if (options.Layout != TableLayout.Long)
        {
            foreach (var table in tables)
            {
                Add(table.Plan == PlanKind.Women ? "妇女" : "儿童", (part, writer) => WideSheet(part, writer, table, links));
            }
        }

        Add(TargetsSheet, (part, writer) => LongSheet(part, writer, tables, links));
        Add(LegendSheet, (_, writer) => LegendSheetOf(writer, tables, options));
        var styles = package.Write("/xl/styles.xml", StylesType, (_, writer) => writer.WriteElement(Stylesheet()));
        var workbook = package.Write("/xl/workbook.xml", WorkbookType, (_, writer) => WorkbookOf(writer, sheets));
        for (var i = 0; i < sheets.Count; i++)
        {
            StreamedPackage.Relate(workbook, sheets[i].Part, StreamedPackage.Worksheet, SheetId(i));
        }

        StreamedPackage.Relate(workbook, styles, StreamedPackage.Styles, SheetId(sheets.Count));
        package.RelateMain(workbook);
    }

    private const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private const string WorksheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private const string StylesType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

    private static string SheetId(int index) => "rId" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void WorkbookOf(OpenXmlWriter writer, IReadOnlyList<(string Name, PackagePart Part, string? Filter)> sheets)
    {
        StreamedPackage.WriteRoot(writer, new Workbook());
        writer.WriteElement(new Sheets(sheets.Select((s, i) => new Sheet { Id = SheetId(i), SheetId = (uint)i + 1, Name = s.Name })));
        var filters = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            if (sheets[i].Filter is { } filter)
            {
                // Excel keeps an autofilter's range under this hidden name; without it some versions drop the filter buttons.
                filters.Append(new DefinedName($"'{sheets[i].Name}'!{filter}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
            }
        }

        if (filters.HasChildren)
        {
            writer.WriteElement(filters);
        }

        writer.WriteEndElement();
    }

    /// <summary>
    /// The wide sheet's rows as they are written: a row per value of an indicator, as many as its
    /// district with the most values. Walked twice, for the cells and then for their links, which
    /// the sheet's XML holds after all its rows.
    /// </summary>
    private static IEnumerable<(uint Row, DomainTable Domain, IndicatorRow Indicator, int Index)> WideRows(CrossTable table)
    {
        uint r = 2;
        foreach (var domain in table.Domains)
        {
            foreach (var row in domain.Rows)
            {
                for (var i = 0; i < Math.Max(1, row.Cells.Max(c => c.Count)); i++, r++)
                {
                    yield return (r, domain, row, i);
                }
            }
        }
    }

    private static string? WideSheet(PackagePart part, OpenXmlWriter writer, CrossTable table, SourceLinks links)
    {
        var header = new List<string> { "领域", "指标", "目录外" };
        header.AddRange(table.Districts.SelectMany(d => DistrictFields.Select(f => $"{d.Name} {f}")));
        var columns = new Columns(Width(1, 1, 16), Width(2, 2, 34), Width(3, 3, 6));
        for (var c = 0; c < table.Districts.Count; c++)
        {
            var first = (uint)(4 + (c * DistrictFields.Length));
            columns.Append(Width(first, first, 5), Width(first + 1, first + 1, 9), Width(first + 2, first + 2, 8), Width(first + 3, first + 3, 14), Width(first + 4, first + 4, 6));
        }

        Start(writer, columns, frozenColumns: 3);
        writer.WriteElement(HeaderRow(header));
        uint last = 1;
        foreach (var (r, domain, row, i) in WideRows(table))
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
                    ValueCells(cells, ValueColumn(c), r, row.Cells[c][i]);
                }
            }

            writer.WriteElement(cells);
            last = r;
        }

        return Finish(writer, part, header.Count, last, WideLinks(table, links));
    }

    private static int ValueColumn(int district) => 3 + (district * DistrictFields.Length);

    /// <summary>One value in its district's five cells, the link on the number (on the arrow when it has none).</summary>
    private static void ValueCells(Row cells, int column, uint r, CellValue value)
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
    }

    private static IEnumerable<(string Cell, string Target)> WideLinks(CrossTable table, SourceLinks links)
    {
        foreach (var (r, _, row, i) in WideRows(table))
        {
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (i < row.Cells[c].Count)
                {
                    var value = row.Cells[c][i];
                    var column = ValueColumn(c);
                    yield return (Reference(TargetRows.IsNumber(value.Target.Value) ? column + 1 : column, r), links.To(value));
                }
            }
        }
    }

    private static string? LongSheet(PackagePart part, OpenXmlWriter writer, IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        var fields = TargetRows.Fields;
        var columns = new Columns(fields.Select((f, i) => Width((uint)i + 1, (uint)i + 1, f.Name switch
        {
            "indicator" or "indicator_id" or "source" => 30,
            "text" => 50,
            "domain" or "district" or "population" => 14,
            _ => 10,
        })));
        Start(writer, columns, frozenColumns: 0);
        writer.WriteElement(HeaderRow([.. fields.Select(f => f.Name)]));
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
                else
                {
                    cells.Append(TextCell(c, r, value, fields[c].Kind == FieldKind.Source ? Style.Link : Style.Plain));
                }
            }

            writer.WriteElement(cells);
            r++;
        }

        return Finish(writer, part, fields.Count, r - 1, LongLinks(tables, links));
    }

    private static IEnumerable<(string Cell, string Target)> LongLinks(IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        var fields = TargetRows.Fields;
        uint r = 2;
        foreach (var row in tables.SelectMany(TargetRows.Of))
        {
            for (var c = 0; c < fields.Count; c++)
            {
                if (fields[c].Kind == FieldKind.Source && fields[c].Value(row) is not null)
                {
                    yield return (Reference(c, r), links.To(row.Value.FilePath, row.Target.Source, MarkdownCrossTable.Anchor(row.Target)));
                }
            }

            r++;
        }
    }

    private static string? LegendSheetOf(OpenXmlWriter writer, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(Width(1, 1, 110), Width(2, 8, 14)));
        writer.WriteStartElement(new SheetData());
        uint r = 1;
        void Line(string text, uint style = Style.Wrap)
        {
            writer.WriteElement(new Row(TextCell(0, r, text, style)) { RowIndex = r });
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

            writer.WriteElement(header);
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

                writer.WriteElement(row);
                r++;
            }
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        return null;
    }

    /// <summary>A data sheet's start, up to its first row: the frozen header (and first columns), the widths.</summary>
    private static void Start(OpenXmlWriter writer, Columns columns, int frozenColumns)
    {
        var topLeft = Reference(frozenColumns, 2);
        var pane = new Pane { VerticalSplit = 1D, TopLeftCell = topLeft, ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft, State = PaneStateValues.Frozen };
        if (frozenColumns > 0)
        {
            pane.HorizontalSplit = frozenColumns;
        }

        StreamedPackage.WriteRoot(writer, new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            pane,
            new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
        { WorkbookViewId = 0U }));
        writer.WriteElement(columns);
        writer.WriteStartElement(new SheetData());
    }

    /// <summary>A data sheet's end, after its last row: the autofilter over all of it and a link per value; the filter's range for the workbook.</summary>
    private static string Finish(OpenXmlWriter writer, PackagePart part, int width, uint lastRow, IEnumerable<(string Cell, string Target)> links)
    {
        writer.WriteEndElement();
        var range = $"{Reference(0, 1)}:{Reference(width - 1, Math.Max(lastRow, 1))}";
        writer.WriteElement(new AutoFilter { Reference = range });
        var n = 0;
        foreach (var (cell, target) in links)
        {
            if (n++ == 0)
            {
                writer.WriteStartElement(new Hyperlinks());
            }

            var id = "L" + n.ToString(CultureInfo.InvariantCulture);
            StreamedPackage.Link(part, target, id);
            writer.WriteElement(new Hyperlink { Reference = cell, Id = id });
        }

        if (n > 0)
        {
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        return Absolute(range);
    }

    internal static string Absolute(string range) =>
        string.Join(':', range.Split(':').Select(r => "$" + new string([.. r.TakeWhile(char.IsLetter)]) + "$" + new string([.. r.SkipWhile(char.IsLetter)])));

    internal static string Symbol(string comparator) => comparator switch
    {
        "<=" => "≤",
        ">=" => "≥",
        "~" => "≈",
        "up" or "up_by" => "↑",
        "down" or "down_by" => "↓",
        var c => c,
    };

    internal static Row HeaderRow(IReadOnlyList<string> names)
    {
        // Tall enough for a district's name and its field on two lines.
        var row = new Row { RowIndex = 1U, Height = 45D, CustomHeight = true };
        for (var c = 0; c < names.Count; c++)
        {
            row.Append(TextCell(c, 1U, names[c], Style.Header));
        }

        return row;
    }

    internal static Column Width(uint min, uint max, double width) => new() { Min = min, Max = max, Width = width, CustomWidth = true };

    internal static Cell TextCell(int column, uint row, string text, uint style = Style.Plain) =>
        new(new InlineString(new CellText(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = Reference(column, row),
            DataType = CellValues.InlineString,
            StyleIndex = style == Style.Plain ? null : style,
        };

    /// <summary>A numeric cell showing as many decimals as the plan wrote ("2.0‰" stays 2.0).</summary>
    internal static Cell NumberCell(int column, uint row, string value, bool linked)
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
    internal static class Style
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

    internal static Stylesheet Stylesheet()
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
