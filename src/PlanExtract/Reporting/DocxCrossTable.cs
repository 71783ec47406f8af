using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// The cross-reference table as a Word document: a real table per domain whose header row repeats
/// on every page, each value a hyperlink to its source line, landscape for the district columns.
/// </summary>
public static class DocxCrossTable
{
    /// <param name="linkFolder">The folder the document is saved in: links are relative to it.</param>
    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, string linkFolder)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        var links = new SourceLinks(linkFolder);
        foreach (var table in tables)
        {
            body.Append(Heading(table.Title + "：指标 × 地区", 32));
            foreach (var line in Marks.Legend(table))
            {
                body.Append(new Paragraph(new Run(new WordText(line))));
            }

            foreach (var domain in table.Domains)
            {
                body.Append(Heading(domain.Domain, 26));
                body.Append(Table(main, table, domain, links));
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1000, Right = 1000U, Bottom = 1000, Left = 1000U, Header = 500U, Footer = 500U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new ParagraphProperties(new KeepNext()), new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new WordText(text)));

    private static Table Table(MainDocumentPart main, CrossTable table, DomainTable domain, SourceLinks links)
    {
        var border = new Func<OpenXmlElement>[]
        {
            () => new TopBorder { Val = BorderValues.Single, Size = 4U },
            () => new LeftBorder { Val = BorderValues.Single, Size = 4U },
            () => new BottomBorder { Val = BorderValues.Single, Size = 4U },
            () => new RightBorder { Val = BorderValues.Single, Size = 4U },
            () => new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U },
            () => new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U },
        };
        var result = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border.Select(b => b()))));
        result.Append(new TableGrid(Enumerable.Range(0, table.Districts.Count + 1).Select(_ => new GridColumn())));

        var header = new TableRow(new TableRowProperties(new TableHeader()));
        header.Append(TextCell("指标", bold: true));
        foreach (var district in table.Districts)
        {
            header.Append(TextCell(district.Name, bold: true));
        }

        result.Append(header);
        foreach (var row in domain.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            tr.Append(TextCell(row.Indicator + (row.InCatalog ? string.Empty : " " + Marks.NotInCatalog), bold: false));
            foreach (var cell in row.Cells)
            {
                var paragraphs = cell.Select(v =>
                {
                    var id = main.AddHyperlinkRelationship(new Uri(links.To(v.FilePath, v.Anchor), UriKind.Relative), true).Id;
                    var link = new Hyperlink(new Run(new RunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }), new WordText(v.Text))) { Id = id };
                    var paragraph = new Paragraph(link);
                    if (Marks.Of(v) is { Length: > 0 } marks)
                    {
                        paragraph.Append(new Run(new WordText(marks) { Space = SpaceProcessingModeValues.Preserve }));
                    }

                    return paragraph;
                }).ToList();
                tr.Append(new TableCell(paragraphs.Count == 0 ? [new Paragraph()] : paragraphs));
            }

            result.Append(tr);
        }

        var counts = new TableRow(TextCell(MarkdownCrossTable.CountRow, bold: true));
        foreach (var count in domain.Counts(table.Districts.Count))
        {
            counts.Append(TextCell(count.ToString(System.Globalization.CultureInfo.InvariantCulture), bold: true));
        }

        result.Append(counts);
        return result;
    }

    private static TableCell TextCell(string text, bool bold) =>
        new(new Paragraph(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new WordText(text))));
}
