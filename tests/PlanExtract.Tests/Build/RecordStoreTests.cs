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
        var corpus = new CorpusLayout(RepoPaths.Corpus);
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(corpus, output, new BuildOptions(Tables: false));
        var records = Path.Combine(output, "index", OutputLayout.RecordsFile);
        var documents = corpus.Documents();
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

    private static string Json(IEnumerable<DocumentResult> results) => System.Text.Json.JsonSerializer.Serialize(results.Select(r => r.Plans));
}
