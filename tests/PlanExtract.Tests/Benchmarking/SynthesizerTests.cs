using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Benchmarking;

public sealed class SynthesizerTests
{
    [Fact]
    public void Renames_the_issuer_in_text_and_metadata_and_keeps_documents_parseable()
    {
        using var temp = new TempFolder();
        var source = new CorpusLayout(RepoPaths.Corpus);
        var synthesizer = new CorpusSynthesizer(source);
        var root = Path.Combine(temp.Path, "corpus");
        var written = synthesizer.WriteCorpus(root, synthesizer.Templates + 1);

        var layout = new CorpusLayout(root);
        var documents = layout.Documents();
        Assert.Equal(written.Count, documents.Count);
        Assert.Equal(documents.Count, documents.Select(d => d.Metadata.DisplayName).Distinct().Count());

        var builder = new CorpusReader(Pipeline.ForCorpus(root));
        var templates = source.Documents().ToDictionary(d => d.Source);
        foreach (var document in documents)
        {
            var template = templates[document.Metadata.OriginalFile!];
            var text = File.ReadAllText(document.FilePath);
            Assert.DoesNotContain(template.Metadata.DisplayName, text);
            // A county-level city (荔浦市) is named alone in its text, without its prefecture.
            Assert.Contains(document.Metadata.District ?? document.Metadata.City!, text);
            Assert.NotEqual(template.Metadata.DisplayName, document.Metadata.DisplayName);
            Assert.All(document.Metadata.Plans, p => Assert.Contains(document.Metadata.District ?? document.Metadata.City!, p.Title));

            var result = builder.ReadOne(document);
            Assert.Null(result.Error);
            var original = builder.ReadOne(template);
            Assert.Equal(original.Plans!.Plans.Count, result.Plans!.Plans.Count);
            Assert.NotEmpty(result.Plans.AllTargets());
            Assert.All(result.Plans.AllTargets(), t => Assert.Equal(document.Metadata.DisplayName, t.District));
        }
    }

    [Fact]
    public void Perturbs_rates_but_not_item_numbers_or_years()
    {
        var synthesizer = new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus));
        var first = synthesizer.Text(0);
        var again = synthesizer.Text(synthesizer.Templates);
        Assert.Equal(Rates(first).Length, Rates(again).Length);
        Assert.NotEqual(Rates(first), Rates(again));
        Assert.Equal(first.Split('\n').Length, again.Split('\n').Length);
        Assert.Equal(Matches(first, "20[0-9]{2}年"), Matches(again, "20[0-9]{2}年"));
        Assert.Equal(Matches(first, "(?m)^[（(]?[0-9一二三四五六七八九十]+[)）．.、]"), Matches(again, "(?m)^[（(]?[0-9一二三四五六七八九十]+[)）．.、]"));
        Assert.Equal(first, synthesizer.Text(0));

        static string[] Rates(string text) => Matches(text, @"[0-9.]+(?=%)");
        static string[] Matches(string text, string pattern) => [.. System.Text.RegularExpressions.Regex.Matches(text, pattern).Select(m => m.Value)];
    }
}
