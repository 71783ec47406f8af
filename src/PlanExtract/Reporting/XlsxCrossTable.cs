using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// The cross-reference table as a workbook: a sheet per plan type, columns 领域, 指标 and the
/// districts, the header row and the two name columns frozen, each value cell a hyperlink to its
/// first source line (a cell holds one link; the rest of its values are in the text).
/// </summary>
public static class XlsxCrossTable
{
    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, string linkFolder)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sheets = new Sheets();
        var sources = new SourceLinks(linkFolder);
        workbookPart.Workbook = new Workbook(sheets);
        uint sheetId = 1;
        foreach (var table in tables)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Sheet(part, table, sources);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = table.Plan == Model.PlanKind.Women ? "妇女" : "儿童" });
        }

        workbookPart.Workbook.Save();
    }

    private static Worksheet Sheet(WorksheetPart part, CrossTable table, SourceLinks sources)
    {
        var views = new SheetViews(new SheetView(
            new Pane { HorizontalSplit = 2D, VerticalSplit = 1D, TopLeftCell = "C2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomRight, ActiveCell = "C2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "C2" } })
        { WorkbookViewId = 0U });
        var columns = new Columns(
            new Column { Min = 1U, Max = 1U, Width = 18D, CustomWidth = true },
            new Column { Min = 2U, Max = 2U, Width = 40D, CustomWidth = true },
            new Column { Min = 3U, Max = (uint)(table.Districts.Count + 2), Width = 18D, CustomWidth = true });
        var data = new SheetData();
        var links = new Hyperlinks();
        uint r = 1;
        data.Append(Row(r++, ["领域", "指标", .. table.Districts.Select(d => d.Name)]));
        foreach (var domain in table.Domains)
        {
            foreach (var row in domain.Rows)
            {
                var values = row.Cells.Select(c => string.Join("\n", c.Select(v => v.Text + Marks.Of(v)))).ToList();
                data.Append(Row(r, [domain.Domain, row.Indicator + (row.InCatalog ? string.Empty : " " + Marks.NotInCatalog), .. values]));
                for (var c = 0; c < row.Cells.Count; c++)
                {
                    if (row.Cells[c].FirstOrDefault() is { } first)
                    {
                        var id = part.AddHyperlinkRelationship(new Uri(sources.To(first.FilePath, first.Anchor), UriKind.Relative), true).Id;
                        links.Append(new Hyperlink { Reference = Reference(c + 2, r), Id = id });
                    }
                }

                r++;
            }

            data.Append(Row(r++, [domain.Domain, MarkdownCrossTable.CountRow, .. domain.Counts(table.Districts.Count).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }

        var sheet = new Worksheet(views, columns, data);
        if (links.HasChildren)
        {
            sheet.Append(links);
        }

        return sheet;
    }

    private static Row Row(uint index, IReadOnlyList<string> values)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            row.Append(new Cell(new InlineString(new CellText(values[c]) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = Reference(c, index),
                DataType = CellValues.InlineString,
            });
        }

        return row;
    }

    private static string Reference(int column, uint row)
    {
        var name = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
