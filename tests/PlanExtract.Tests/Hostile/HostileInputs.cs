using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanExtract.Tests.Reading;

namespace PlanExtract.Tests.Hostile;

/// <summary>
/// Hostile documents made by code, never committed as binaries: each is the smallest file that
/// reproduces one failure found by probing (issue 17), written into a folder on demand.
/// </summary>
internal static class HostileInputs
{
    /// <summary>A real plan (清远市's women's plan) whose text the hostile documents carry, so a file that gets past its trap reads as a plan.</summary>
    public static string PlanText { get; } = File.ReadAllText(TestPaths.CorpusPlan(Path.Combine("广东省", "清远市")), Encoding.UTF8);

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static HostileInputs() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Writes the named case into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (name)
        {
            case "huge.txt":
                // 200 MB (a sparse file: no disk is written), far past the 64 MB default.
                using (var stream = new FileStream(path, FileMode.Create))
                {
                    stream.SetLength(200L * 1024 * 1024);
                }

                break;
            case "dev-zero.txt":
                File.CreateSymbolicLink(path, "/dev/zero");
                break;
            case "fifo.txt":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                }

                break;
            default:
                File.WriteAllBytes(path, Bytes(name));
                break;
        }

        return path;
    }

    public static byte[] Bytes(string name) => name switch
    {
        "nul-after-8k.txt" => NulAfter(9000),
        "mixed-encoding.txt" => MixedEncoding(),
        "many-lines.txt" => Encoding.UTF8.GetBytes(PlanText + string.Concat(Enumerable.Repeat("1. 孕产妇死亡率下降到8/10万以下。\n", 210_000))),
        "numbering-int-max.docx" => NumberedPlan("chineseCounting", "%1、", int.MaxValue.ToString(CultureInfo.InvariantCulture)),
        "numbering-int-min.docx" => NumberedPlan("chineseCounting", "%1、", int.MinValue.ToString(CultureInfo.InvariantCulture)),
        "numbering-start-20-digits.docx" => NumberedPlan("decimal", "%1.", "99999999999999999999"),
        "numbering-upper-letter-2e9.docx" => NumberedPlan("upperLetter", "%1.", "2000000000"),
        "nested-sdt.docx" => RawDocx(NestedSdt(20_000)),
        "zip-bomb.docx" => ZipBomb(256L * 1024 * 1024),
        "many-paragraphs.docx" => RawDocx(ManyParagraphs(300_000)),
        "many-pages.pdf" => EmptyPagesPdf(2_500),
        _ => throw new ArgumentException($"no hostile input named {name}", nameof(name)),
    };

    /// <summary>The plan with NUL bytes past the first 8 KB, where the old binary check no longer looked.</summary>
    private static byte[] NulAfter(int characters) =>
        Encoding.UTF8.GetBytes(PlanText[..characters] + "\0\0\0\0" + PlanText[characters..]);

    /// <summary>The first half of the plan in UTF-8, the second in GB18030: a file pasted together from two.</summary>
    private static byte[] MixedEncoding()
    {
        var lines = PlanText.Split('\n');
        var half = lines.Length / 2;
        return [.. Encoding.UTF8.GetBytes(string.Join('\n', lines[..half]) + "\n"), .. Encoding.GetEncoding("GB18030").GetBytes(string.Join('\n', lines[half..]))];
    }

    /// <summary>The plan as .docx paragraphs, its items numbered by one list whose w:start is <paramref name="start"/> (written as text, so it may overflow).</summary>
    private static byte[] NumberedPlan(string format, string lvlText, string start)
    {
        var builder = new DocxBuilder();
        var level = new Level(
            new StartNumberingValue { Val = new Int32Value { InnerText = start } },
            new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(format)) },
            new LevelText { Val = lvlText })
        { LevelIndex = 0 };
        builder.List(1).WithLevel(1, level).Num(1, 1);
        foreach (var line in PlanText.Split('\n').Where(l => l.Trim().Length > 0))
        {
            builder.Paragraph(line.Trim());
        }

        // Three numbered paragraphs: the counter counts on from its start.
        builder.Paragraph("孕产妇死亡率下降到8/10万以下。", numId: 1, level: 0).Paragraph("婴儿死亡率下降到5‰以下。", numId: 1, level: 0).Paragraph("提高妇女健康水平。", numId: 1, level: 0);
        return builder.Build();
    }

    private static string NestedSdt(int depth)
    {
        var sb = new StringBuilder();
        sb.Append("<w:p><w:r><w:t>清远市妇女发展规划（2021—2030年）</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("<w:sdt><w:sdtContent>");
        }

        sb.Append("<w:p><w:r><w:t>孕产妇死亡率下降到8/10万以下。</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("</w:sdtContent></w:sdt>");
        }

        return sb.ToString();
    }

    private static string ManyParagraphs(int count)
    {
        var sb = new StringBuilder(count * 40);
        for (var i = 0; i < count; i++)
        {
            sb.Append("<w:p><w:r><w:t>孕产妇</w:t></w:r></w:p>");
        }

        return sb.ToString();
    }

    /// <summary>A minimal package: content types, the package relationship and word/document.xml holding <paramref name="body"/>.</summary>
    private static byte[] RawDocx(string body) => Package(stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        writer.Write(body);
        writer.Write("</w:body></w:document>");
    });

    /// <summary>
    /// One w:t of <paramref name="inflated"/> bytes of text: deflate shrinks a repeated character
    /// about a thousandfold, so the .docx stays small while its document.xml is huge.
    /// </summary>
    private static byte[] ZipBomb(long inflated) => Package(stream =>
    {
        var head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>");
        stream.Write(head);
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)'a');
        for (long written = 0; written < inflated; written += chunk.Length)
        {
            stream.Write(chunk);
        }

        stream.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
    });

    private static byte[] Package(Action<Stream> writeDocument)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            writeDocument(document);
        }

        return output.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>A valid PDF of <paramref name="pages"/> empty pages sharing one empty content stream.</summary>
    private static byte[] EmptyPagesPdf(int pages)
    {
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string body)
        {
            offsets.Add(sb.Length);
            sb.Append(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        const int FirstPage = 4;
        var kids = string.Join(' ', Enumerable.Range(FirstPage, pages).Select(n => $"{n} 0 R"));
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object($"<< /Type /Pages /Count {pages} /Kids [{kids}] >>");
        Object("<< /Length 0 >>\nstream\n\nendstream");
        for (var i = 0; i < pages; i++)
        {
            Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>");
        }

        var xref = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
