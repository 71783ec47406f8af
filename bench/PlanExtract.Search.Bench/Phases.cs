using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Search;
using PlanExtract.Benchmarking;
using PlanExtract.Indexing;

/// <summary>
/// Where a query's time goes (<c>--phases</c>): each stage of a search timed alone on the same
/// searcher, medians over rounds after warm-up. Build: the query made (analysis, lone characters);
/// match: Lucene walking every match with nothing kept (a hit counter); match text only: the same
/// without the lead field; top 10: Lucene's own top-N collector, no counts; full: the searcher's
/// search, item collector, counts, stored fields and snippets.
/// </summary>
internal static class Phases
{
    public static void Run(string index, int rounds, int warmups, IReadOnlyList<string> queries)
    {
        using var reader = CorpusIndex.OpenReader(index);
        var searcher = new IndexSearcher(reader) { Similarity = CorpusIndex.Similarity };
        using var full = CorpusSearcher.Open(index);
        using var kept = CorpusSearcher.Open(index);
        var clock = Stopwatch.StartNew();
        kept.KeepColumns();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reader.MaxDoc} documents, {reader.Leaves.Count} segments; item columns read in {clock.Elapsed.TotalMilliseconds:F0} ms"));
        using var queryAnalyzer = IndexSchema.CreateAnalyzer(forIndex: false);
        using var words = new WordAnalyzer();
        var lone = new LoneCharacters(reader);
        var places = PlaceNames.Of(reader);
        Console.WriteLine("query\titems\tbuild\tmatch\tmatch text only\ttop 10\tfull\tfull, columns kept\tin order, scored\tin order, scored, text only (ms, medians)");
        var totals = new double[8];
        foreach (var text in queries)
        {
            Query Build() => lone.Expand(new QueryBuilder(queryAnalyzer, words, QueryChain.WordsAndBigrams, places).Build(text).Strict.Query);
            var query = Build();
            var textOnly = lone.Expand(new Lucene.Net.Util.QueryBuilder(queryAnalyzer).CreatePhraseQuery(IndexSchema.Text, text));
            var request = new SearchRequest(text);
            Action[] phases =
            [
                () => Build(),
                () => searcher.Search(query, new TotalHitCountCollector()),
                () => searcher.Search(textOnly, new TotalHitCountCollector()),
                () => searcher.Search(query, 10),
                () => full.Search(request),
                () => kept.Search(request),
                () => searcher.Search(query, new InOrder()),
                () => searcher.Search(textOnly, new InOrder()),
            ];
            var medians = phases.Select(p => Median(p, rounds, warmups)).ToArray();
            for (var i = 0; i < medians.Length; i++)
            {
                totals[i] += medians[i];
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{text}\t{full.Search(request).TotalHits}\t{string.Join("\t", medians.Select(m => m.ToString("F2", CultureInfo.InvariantCulture)))}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sum\t\t{string.Join("\t", totals.Select(m => m.ToString("F1", CultureInfo.InvariantCulture)))}"));
    }

    /// <summary>Every match in document order, each scored, nothing kept: what the item collector asks of Lucene.</summary>
    private sealed class InOrder : ICollector
    {
        private Scorer? _scorer;
        private float _sum;

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(Lucene.Net.Index.AtomicReaderContext context)
        {
        }

        public void Collect(int doc) => _sum += _scorer!.GetScore();
    }

    private static double Median(Action phase, int rounds, int warmups)
    {
        for (var i = 0; i < warmups; i++)
        {
            phase();
        }

        var samples = new List<double>(rounds);
        var clock = new Stopwatch();
        for (var i = 0; i < rounds; i++)
        {
            clock.Restart();
            phase();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return SearchTiming.Percentiles(samples).P50;
    }
}
