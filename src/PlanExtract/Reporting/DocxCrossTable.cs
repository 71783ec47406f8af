using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanExtract.Reporting;

/// <summary>
/// The cross-reference table as a Word document an editor can work in: the plan a Heading 1 and
/// each domain a Heading 2 (so Word, WPS and LibreOffice show them in the navigation pane and a
/// table of contents can be inserted), a numbered caption above each table, the legend as a
/// paragraph, header rows repeated on every page, each value its own hyperlink, landscape pages.
/// </summary>
public static class DocxCrossTable
{
    private const string LinkColor = "0563C1";

    /// <param name="linkFolder">The folder the document is saved in: links are relative to it.</param>
    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, string linkFolder) =>
        Write(stream, tables, new CrossTableWriteOptions(linkFolder));

    public static void Write(Stream stream, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        using var package = new StreamedPackage(stream);
        var styles = package.Write("/word/styles.xml", StylesType, (_, writer) => writer.WriteElement(Styles()));
        var main = package.Write("/word/document.xml", DocumentType, (part, writer) => Body(writer, new LinkIds(part), tables, options));
        StreamedPackage.Relate(main, styles, StreamedPackage.Styles, "rId1");
        package.RelateMain(main);
    }

    private const string DocumentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private const string StylesType = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

    /// <summary>The document a paragraph and a table row at a time: the whole body in the DOM took gigabytes at country scale.</summary>
    private static void Body(OpenXmlWriter writer, LinkIds main, IReadOnlyList<CrossTable> tables, CrossTableWriteOptions options)
    {
        var links = options.Links();
        StreamedPackage.WriteRoot(writer, new Document());
        writer.WriteStartElement(new Body());
        var caption = 0;
        if (options.Layout == TableLayout.Long)
        {
            writer.WriteElement(Heading("目标清单：" + string.Join("、", tables.Select(t => t.Title)), "Heading1"));
            writer.WriteElement(Plain(TableHeader.Of(options.Scope)));
            writer.WriteElement(Legend(["每行一个目标；comparator、value 等列与 output/targets.jsonl 的键同名同义；parent_comparison 为对照上级同类规划的结果（stricter、same、looser，不可比或无上级为 none）。",
                .. tables.SelectMany(Marks.Parents)]));
            writer.WriteElement(Caption(++caption, "目标清单"));
            WriteTable(writer, TargetRows.Fields.Count, LongRows(main, tables, links));
        }
        else
        {
            foreach (var table in tables)
            {
                writer.WriteElement(Heading(table.Title + "：指标 × 地区", "Heading1"));
                writer.WriteElement(Plain(TableHeader.Of(options.Scope)));
                writer.WriteElement(Legend(Marks.Legend(table)));
                foreach (var domain in table.Domains)
                {
                    writer.WriteElement(Heading(domain.Domain, "Heading2"));
                    writer.WriteElement(Caption(++caption, $"{table.Title} · {domain.Domain}：指标 × 地区"));
                    WriteTable(writer, table.Districts.Count + 1, Rows(main, table, domain, links));
                }
            }
        }

        writer.WriteElement(new SectionProperties(
            new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = 1000, Right = 1000U, Bottom = 1000, Left = 1000U, Header = 500U, Footer = 500U, Gutter = 0U }));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The links of the document part, each a relationship of its own, numbered as they are written.</summary>
    private sealed class LinkIds(System.IO.Packaging.PackagePart part)
    {
        private int _count;

        public string Add(string target)
        {
            var id = "L" + (++_count).ToString(CultureInfo.InvariantCulture);
            StreamedPackage.Link(part, target, id);
            return id;
        }
    }

    /// <summary>
    /// The built-in styles by their built-in names ("heading 1", "caption"): Word, WPS and LibreOffice
    /// recognise them by name, and the outline level puts the headings in the navigation pane.
    /// </summary>
    internal static Styles Styles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold, int? outline) =>
            new(
                new StyleName { Val = name },
                new BasedOn { Val = "Normal" },
                new NextParagraphStyle { Val = "Normal" },
                new PrimaryStyle(),
                new StyleParagraphProperties(outline is { } level
                    ? [new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level }]
                    : new OpenXmlElement[] { new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" } }),
                new StyleRunProperties(bold ? [new Bold(), new FontSize { Val = Half(halfPoints) }] : new OpenXmlElement[] { new FontSize { Val = Half(halfPoints) } }))
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };

        return new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new FontSize { Val = "21" }))
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            },
            Paragraph("Heading1", "heading 1", 32, bold: true, outline: 0),
            Paragraph("Heading2", "heading 2", 26, bold: true, outline: 1),
            Paragraph("Caption", "caption", 20, bold: true, outline: null),
            new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new Color { Val = LinkColor }, new Underline { Val = UnderlineValues.Single }))
            {
                Type = StyleValues.Character,
                StyleId = "Hyperlink",
            });
    }

    internal static string Half(int halfPoints) => halfPoints.ToString(CultureInfo.InvariantCulture);

    internal static Paragraph Heading(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new WordText(text)));

    internal static Paragraph Plain(string text) => new(new Run(new WordText(text)));

    /// <summary>"表 3 妇女发展规划 · 妇女与健康：指标 × 地区", the number a SEQ field so Word renumbers and lists it.</summary>
    internal static Paragraph Caption(int number, string text) =>
        new(
            new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new KeepNext()),
            new Run(new WordText("表 ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new WordText(number.ToString(CultureInfo.InvariantCulture)))) { Instruction = " SEQ 表 \\* ARABIC " },
            new Run(new WordText(" " + text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>The legend as one paragraph, a line per entry.</summary>
    internal static Paragraph Legend(IEnumerable<string> lines)
    {
        var paragraph = new Paragraph(new Run(new RunProperties(new Bold()), new WordText("图例：")));
        foreach (var line in lines)
        {
            paragraph.Append(new Run(new Break(), new WordText(line)));
        }

        return paragraph;
    }

    /// <summary>A table with its borders and grid, its rows (the header first) written as they are made.</summary>
    private static void WriteTable(OpenXmlWriter writer, int columns, IEnumerable<TableRow> rows)
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
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(border.Select(b => b()))));
        writer.WriteElement(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn())));
        foreach (var row in rows)
        {
            writer.WriteElement(row);
        }

        writer.WriteEndElement();
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

    private static IEnumerable<TableRow> Rows(LinkIds main, CrossTable table, DomainTable domain, SourceLinks links)
    {
        yield return HeaderRow(["指标", .. table.Districts.Select(d => d.Name)]);
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

            yield return tr;
        }

        var counts = new TableRow(TextCell(MarkdownCrossTable.CountRow, bold: true));
        foreach (var count in domain.Counts(table.Districts.Count))
        {
            counts.Append(TextCell(count.ToString(CultureInfo.InvariantCulture), bold: true));
        }

        yield return counts;
    }

    /// <summary>The long layout as one table, small type so its columns fit a landscape page.</summary>
    private static IEnumerable<TableRow> LongRows(LinkIds main, IReadOnlyList<CrossTable> tables, SourceLinks links)
    {
        const int small = 14;
        yield return HeaderRow(TargetRows.Fields.Select(f => f.Name), small);
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

            yield return tr;
        }
    }

    private static Hyperlink Link(LinkIds main, string target, string text, int? halfPoints)
    {
        var id = main.Add(target);
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
