using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanExtract.Model;
using PlanExtract.Reporting;
using static PlanExtract.Reporting.XlsxCrossTable;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The xlsx writer as it was before it streamed (the whole document in the OpenXml DOM), kept
/// as the oracle the streamed writer's output is compared with, part by part. It builds the
/// document its own way and takes the styles and cells from the writer, which the streaming did
/// not change.
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
}
