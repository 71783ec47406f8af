using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Build;

/// <summary>records.jsonl is parsed a block of bytes at a time; a line may cross blocks or be longer than one.</summary>
public sealed class RecordStoreTests
{
    [Theory]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(1 << 20)]
    public void Blocks_of_any_size_give_every_record_and_the_last_line_of_a_document_wins(int blockSize)
    {
        using var temp = new TempFolder();
        var (records, documents) = BuildRepositoryCorpus(temp);
        var whole = RecordStore.Load([records], documents);

        // Blank lines (a patch's), a first record repeated with an error after it (a changed document's new line), no final newline.
        var lines = File.ReadAllLines(records);
        var changed = lines[0].Replace("\"error\":null", "\"error\":\"changed\"", StringComparison.Ordinal);
        Assert.NotEqual(lines[0], changed);
        var patched = Path.Combine(temp.Path, "patched.jsonl");
        File.WriteAllText(patched, "   \n" + string.Join("\n", lines) + "\n      \n" + changed);

        var read = RecordStore.Load([patched], documents, blockSize);
        Assert.Equal(documents.Count, read.Count);
        Assert.Equal(whole.Select(r => r.Document.Source), read.Select(r => r.Document.Source));
        Assert.Equal("changed", read.Single(r => r.Document.Source == whole[0].Document.Source).Error);
        Assert.Equal(Json(whole.Skip(1)), Json(read.Skip(1)));
        Assert.True(Json(whole.Skip(1)).Length > 10_000);
    }

    [Fact]
    public void Shared_strings_give_the_same_trees_with_one_copy_of_each_repeated_value()
    {
        using var temp = new TempFolder();
        var (records, documents) = BuildRepositoryCorpus(temp);
        var plain = RecordStore.Load([records], documents);
        var shared = RecordStore.Load([records], documents, shareStrings: true);
        Assert.Equal(Json(plain), Json(shared));

        static (int Copies, int Values) Count(IEnumerable<DocumentResult> results, Func<PlanExtract.Model.Target, string> field)
        {
            var values = results.Where(r => r.Plans is not null).SelectMany(r => r.Plans!.AllTargets()).Select(field).ToList();
            return (values.Distinct(ReferenceEqualityComparer.Instance).Count(), values.Distinct(StringComparer.Ordinal).Count());
        }

        foreach (var field in new Func<PlanExtract.Model.Target, string>[] { t => t.Source, t => t.Plan, t => t.Comparator, t => t.Section })
        {
            var (copies, values) = Count(shared, field);
            Assert.Equal(values, copies);
            Assert.True(Count(plain, field).Copies > values);
        }
    }

    [Fact]
    public void Shared_strings_decode_escapes_and_leave_long_strings_alone()
    {
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new RecordStore.SharedStrings() } };
        var longText = new string('妇', 65);
        var json = $$"""["a\"b", "\u5987女", "a\"b", "{{longText}}", "{{longText}}", null, "", ""]""";
        var read = System.Text.Json.JsonSerializer.Deserialize<string?[]>(json, options)!;
        Assert.Equal<IEnumerable<string?>>(["a\"b", "妇女", "a\"b", longText, longText, null, string.Empty, string.Empty], read);
        Assert.Same(read[0], read[2]);
        Assert.NotSame(read[3], read[4]);
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<string[]>("[1]", options));
    }

    private static string Json(IEnumerable<DocumentResult> results) => System.Text.Json.JsonSerializer.Serialize(results.Select(r => r.Plans));

    /// <summary>The repository corpus built into <paramref name="temp"/>: its records file and its documents.</summary>
    private static (string Records, IReadOnlyList<CorpusDocument> Documents) BuildRepositoryCorpus(TempFolder temp)
    {
        var corpus = new CorpusLayout(RepoPaths.Corpus);
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(corpus, output, new BuildOptions(Tables: false));
        return (Path.Combine(output, "index", OutputLayout.RecordsFile), corpus.Documents());
    }
}
