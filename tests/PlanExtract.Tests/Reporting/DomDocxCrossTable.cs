using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanExtract.Reporting;
using static PlanExtract.Reporting.DocxCrossTable;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The docx writer as it was before it streamed (the whole document in the OpenXml DOM), kept
/// as the oracle the streamed writer's output is compared with, part by part. It builds the
/// document its own way and takes the styles and cells from the writer, which the streaming did
/// not change.
/// </summary>
internal static class DomDocxCrossTable
{
    private const string LinkColor = "0563C1";

    /// <param name="linkFolder">The folder the document is saved in: links are relative to it.</param>
    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, string linkFolder) =>
        Write(stream, tables, new CrossTableWriteOptions(linkFolder));

    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        styles.Styles.Save();
        var body = new Body();
        var links = options.Links();
        var caption = 0;
        if (options.Layout == PlanExtract.Reporting.TableLayout.Long)
        {
            body.Append(Heading("目标清单：" + string.Join("、", tables.Select(t => t.Title)), "Heading1"));
            body.Append(Plain(PlanExtract.Reporting.TableHeader.Of(options.Scope)));
            body.Append(Legend(["每行一个目标；comparator、value 等列与 output/targets.jsonl 的键同名同义；parent_comparison 为对照上级同类规划的结果（stricter、same、looser，不可比或无上级为 none）。",
                .. tables.SelectMany(Marks.Parents)]));
            body.Append(Caption(++caption, "目标清单"));
            body.Append(LongTable(main, tables, links));
        }
        else
        {
            foreach (var table in tables)
            {
                body.Append(Heading(table.Title + "：指标 × 地区", "Heading1"));
                body.Append(Plain(PlanExtract.Reporting.TableHeader.Of(options.Scope)));
                body.Append(Legend(Marks.Legend(table)));
                foreach (var domain in table.Domains)
                {
                    body.Append(Heading(domain.Domain, "Heading2"));
                    body.Append(Caption(++caption, $"{table.Title} · {domain.Domain}：指标 × 地区"));
                    body.Append(Table(main, table, domain, links));
                }
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1000, Right = 1000U, Bottom = 1000, Left = 1000U, Header = 500U, Footer = 500U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Table NewTable(int columns)
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
        result.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn())));
        return result;
    }

    private static TableRow HeaderRow(IEnumerable<string> names, int? halfPoints = null)
    {
        var header = new TableRow(new TableRowProperties(new DocumentFormat.OpenXml.Wordprocessing.TableHeader(), new CantSplit()));
        foreach (var name in names)
        {
            header.Append(TextCell(name, bold: true, halfPoints));
        }

        return header;
    }

    private static Table Table(MainDocumentPart main, CrossTable table, DomainTable domain, SourceLinks links)
    {
        var result = NewTable(table.Districts.Count + 1);
        result.Append(HeaderRow(["指标", .. table.Districts.Select(d => d.Name)]));
        foreach (var row in domain.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            tr.Append(TextCell(row.Indicator + (row.InCatalog ? string.Empty : " " + Marks.NotInCatalog), bold: false));
            foreach (var cell in row.Cells)
            {
                var paragraphs = cell.Select(v =>
                {
                    var paragraph = new Paragraph(Link(main, links.To(v), v.Text, null));
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
            counts.Append(TextCell(count.ToString(CultureInfo.InvariantCulture), bold: true));
        }

        result.Append(counts);
        return result;
    }

    /// <summary>The long layout as one table, small type so its columns fit a landscape page.</summary>
    private static Table LongTable(MainDocumentPart main, IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        const int small = 14;
        var result = NewTable(TargetRows.Fields.Count);
        result.Append(HeaderRow(TargetRows.Fields.Select(f => f.Name), small));
        foreach (var row in tables.SelectMany(TargetRows.Of))
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            foreach (var field in TargetRows.Fields)
            {
                var value = field.Value(row) ?? string.Empty;
                tr.Append(field.Kind == FieldKind.Source
                    ? new TableCell(new Paragraph(Link(main, links.To(row.Value.FilePath, row.Target.Source, MarkdownCrossTable.Anchor(row.Target)), value, small)))
                    : TextCell(value, bold: false, small));
            }

            result.Append(tr);
        }

        return result;
    }

    private static Hyperlink Link(MainDocumentPart main, string target, string text, int? halfPoints)
    {
        var id = main.AddHyperlinkRelationship(new Uri(target, UriKind.RelativeOrAbsolute), true).Id;
        var properties = new RunProperties(new RunStyle { Val = "Hyperlink" });
        if (halfPoints is { } size)
        {
            properties.Append(new FontSize { Val = Half(size) });
        }

        return new Hyperlink(new Run(properties, new WordText(text))) { Id = id };
    }

    private static TableCell TextCell(string text, bool bold, int? halfPoints = null)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (halfPoints is { } size)
        {
            properties.Append(new FontSize { Val = Half(size) });
        }

        return new(new Paragraph(new Run(properties, new WordText(text))));
    }
}
