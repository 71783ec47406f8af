using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PlanExtract.Corpus;
using PlanExtract.Indexing;

namespace PlanExtract.Benchmarks;

/// <summary>
/// Where an index build's time goes. The corpus is read once in the setup (each document
/// repeated <see cref="Copies"/> times, so segments reach a realistic size); the cases then time
/// making the Lucene documents alone (the baseline), running one field group's analysis chain
/// over every value the schema gives it, and the whole build into a RAM directory.
/// </summary>
[MemoryDiagnoser]
public class IndexingBenchmarks
{
    private const int Copies = 10;
    private DocumentResult[] _results = [];
    private Lucene.Net.Analysis.Analyzer _analyzer = null!;

    /// <summary>Field groups of the schema: the main text, the lead, the short analyzed names. (The SmartCn
    /// words field this profile found to be 70% of the build is gone; commit 58c3ac0 measures it.)</summary>
    public enum FieldGroup { Text, Lead, Names }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = new CorpusLayout(Fixtures.CorpusFolder());
        var read = new CorpusReader(Pipeline.ForCorpus(corpus.Root)).ReadAll(corpus);
        _results = [.. Enumerable.Repeat(read, Copies).SelectMany(r => r)];
        _analyzer = IndexSchema.CreateAnalyzer(forIndex: true);
        Console.WriteLine($"// {_results.Length} documents, {_results.Sum(r => r.Plans?.AllTargets().Count() ?? 0)} targets");
    }

    [GlobalCleanup]
    public void Cleanup() => _analyzer.Dispose();

    [Benchmark(Baseline = true)]
    public int MakeDocuments() => Documents().Sum(d => d.Fields.Count);

    [Benchmark]
    [Arguments(FieldGroup.Text)]
    [Arguments(FieldGroup.Lead)]
    [Arguments(FieldGroup.Names)]
    public long AnalyzeFieldGroup(FieldGroup fields)
    {
        var names = fields switch
        {
            FieldGroup.Text => [IndexSchema.Text],
            FieldGroup.Lead => [IndexSchema.Lead],
            _ => new[] { IndexSchema.District, IndexSchema.City, IndexSchema.Province, IndexSchema.Domain, IndexSchema.Indicator, IndexSchema.IndicatorId },
        };
        long tokens = 0;
        foreach (var document in Documents())
        {
            foreach (var field in document.Fields.Where(f => f.IndexableFieldType.IsTokenized && names.Contains(f.Name)))
            {
                using var stream = _analyzer.GetTokenStream(field.Name, field.GetStringValue());
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    tokens += term.Length;
                }

                stream.End();
            }
        }

        return tokens;
    }

    [Benchmark]
    public int BuildIndex()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, CorpusIndex.WriterConfig(_analyzer, OpenMode.CREATE));
        foreach (var result in _results)
        {
            writer.AddDocuments(IndexSchema.Documents(result, NextGroup));
        }

        writer.Commit();
        return writer.NumDocs;
    }

    private long _group;

    private long NextGroup() => _group++;

    private IEnumerable<Lucene.Net.Documents.Document> Documents() => _results.SelectMany(r => IndexSchema.Documents(r, NextGroup));
}
