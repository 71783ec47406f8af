using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanExtract.Tests.Cli;
using PlanExtract.Tests.Reading;

namespace PlanExtract.Tests.Corpus;

/// <summary>
/// Random mutations of the corpus documents (byte flips, truncations, deleted and duplicated
/// lines) through the whole pipeline: each either succeeds or fails with the project's own error.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Mutations = 2000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Mutated_documents_succeed_or_fail_with_the_project_error()
    {
        var documents = Directory.EnumerateFiles(RepoPaths.Corpus, "plans.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();

        // The plan from its title to a random end: shorter runs, and truncation at every depth.
        EachReadsOrIsRefused(Mutations, "mutation", i => $"m{i}.txt", i =>
        {
            var random = new Random(i);
            return Mutate(Window(documents[i % documents.Length], random), random);
        });
    }

    private const int DocxMutations = 300;

    // Every format the renderer knows, one it does not, and level texts that point at missing or
    // impossible levels.
    private static readonly string[] Formats =
    [
        "decimal", "decimalZero", "decimalFullWidth", "decimalEnclosedCircle", "decimalEnclosedParen", "decimalEnclosedFullstop",
        "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital", "ideographTraditional",
        "upperLetter", "lowerLetter", "upperRoman", "lowerRoman", "bullet", "none", "madeUpFormat",
    ];

    private static readonly string[] LevelTexts = ["%1.", "（%1）", "%1、", "%1.%2.", "%2.%1", "第%1条", "%9", "%", "%0", "", "%1%1%1%1%1%1%1%1"];

    private static readonly string[] Starts = ["0", "1", "3", "-1", "2147483647", "-2147483648", "2000000000", ""];

    // Word refuses these; so does the reader, cleanly. Rare, so that most packages get past them.
    private static readonly string[] MalformedStarts = ["99999999999999999999", "abc", "1.5"];

    /// <summary>
    /// Random Word numbering and structure around a real plan: every number format, level texts
    /// naming missing levels, start values at and past the int range, references to lists that do
    /// not exist, content controls and tables nested up to past the depth limit, truncated and
    /// bit-flipped packages. Each reads or fails with the project's own error.
    /// </summary>
    [Fact]
    public void Mutated_docx_numbering_and_structure_succeed_or_fail_with_the_project_error()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Corpus, "广东省", "清远市", "plans.txt")).Where(l => l.Trim().Length > 0).Take(160).ToArray();
        EachReadsOrIsRefused(DocxMutations, "docx mutation", i => $"d{i}.docx", i =>
        {
            var random = new Random(1000 + i);
            return DamagePackage(RandomDocx(lines, random), random);
        });
    }

    /// <summary>
    /// Writes each of <paramref name="count"/> mutants to the temporary folder and reads it through
    /// the whole pipeline: none may fail but with the project's own error, and most must still read.
    /// </summary>
    private void EachReadsOrIsRefused(int count, string what, Func<int, string> fileName, Func<int, byte[]> mutant)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        int succeeded = 0, refused = 0;
        Parallel.For(0, count, i =>
        {
            var path = Path.Combine(_temp.Path, fileName(i));
            try
            {
                File.WriteAllBytes(path, mutant(i));
                _ = Pipeline.Default.Read(path).AllTargets().Count();
                Interlocked.Increment(ref succeeded);
            }
            catch (PlanExtractException)
            {
                Interlocked.Increment(ref refused);
            }
            catch (Exception e)
            {
                failures.Add($"{what} {i}: {e}");
            }
            finally
            {
                File.Delete(path);
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.Equal(count, succeeded + refused);
        Assert.True(succeeded > count / 2, $"only {succeeded} {what}s still read as plans");
    }

    private static byte[] RandomDocx(string[] lines, Random random)
    {
        var builder = new DocxBuilder();
        for (var list = 1; list <= 3; list++)
        {
            builder.List(list);
            for (var level = 0; level < random.Next(1, 10); level++)
            {
                var definition = new Level(
                    new StartNumberingValue { Val = new Int32Value { InnerText = Start(random) } },
                    new NumberingFormat { Val = new EnumValue<NumberFormatValues> { InnerText = Pick(Formats, random) } },
                    new LevelText { Val = Pick(LevelTexts, random) })
                { LevelIndex = random.Next(12) - 1 };
                if (random.Next(4) == 0)
                {
                    definition.Append(new LevelRestart { Val = random.Next(-1, 11) });
                }

                builder.WithLevel(list, definition);
            }

            builder.Num(list, random.Next(5) == 0 ? 9 : list, random.Next(3) == 0 ? [new LevelOverride(new StartOverrideNumberingValue { Val = new Int32Value { InnerText = Start(random) } }) { LevelIndex = random.Next(10) }] : []);
        }

        foreach (var line in lines)
        {
            var numbered = random.Next(3) == 0;
            var paragraph = DocxBuilder.MakeParagraph(line.Trim(), numbered ? random.Next(0, 5) : null, numbered ? random.Next(-1, 11) : null);
            builder.Element(random.Next(40) == 0 ? Nest(paragraph, random.Next(1, 12) * 15, random) : paragraph);
        }

        return builder.Build();
    }

    /// <summary>The paragraph inside <paramref name="depth"/> levels of content controls and table cells.</summary>
    private static OpenXmlElement Nest(Paragraph paragraph, int depth, Random random)
    {
        OpenXmlElement element = paragraph;
        for (var i = 0; i < depth; i++)
        {
            element = random.Next(2) == 0
                ? new SdtBlock(new SdtContentBlock(element))
                : new Table(new TableRow(new TableCell(element is Paragraph or Table ? element : new Paragraph(), new Paragraph())));
        }

        return element;
    }

    /// <summary>Most packages as built; some cut short or with bytes flipped, inside the zip structure or its data.</summary>
    private static byte[] DamagePackage(byte[] package, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                return package[..random.Next(package.Length)];
            case 1:
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    package[random.Next(package.Length)] ^= (byte)(1 << random.Next(8));
                }

                return package;
            default:
                return package;
        }
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    private static string Start(Random random) => random.Next(40) == 0 ? Pick(MalformedStarts, random) : Pick(Starts, random);

    private static byte[] Window(byte[] document, Random random)
    {
        var lines = Encoding.UTF8.GetString(document).Split('\n');
        var title = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("发展规划", StringComparison.Ordinal) || (l.Contains("发展规划（", StringComparison.Ordinal) && !l.Contains("关于", StringComparison.Ordinal) && !l.Contains("《", StringComparison.Ordinal)));
        var end = random.Next(title + 1, lines.Length + 1);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines[title..end]));
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var data = bytes.ToList();
        switch (random.Next(4))
        {
            case 0: // byte flips
                for (var n = random.Next(1, 20); n > 0 && data.Count > 0; n--)
                {
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1: // truncation, possibly inside a UTF-8 sequence
                data = data.Take(random.Next(data.Count + 1)).ToList();
                break;
            case 2: // deleted lines
            case 3: // duplicated lines
                var lines = Encoding.UTF8.GetString([.. data]).Split('\n').ToList();
                for (var n = random.Next(1, 8); n > 0 && lines.Count > 1; n--)
                {
                    var at = random.Next(lines.Count);
                    if (data.Count % 2 == 0)
                    {
                        lines.RemoveAt(at);
                    }
                    else
                    {
                        lines.Insert(random.Next(lines.Count), lines[at]);
                    }
                }

                data = [.. Encoding.UTF8.GetBytes(string.Join('\n', lines))];
                break;
        }

        return [.. data];
    }
}
