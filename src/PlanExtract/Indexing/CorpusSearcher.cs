using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>Searches the index <see cref="CorpusIndex"/> wrote. Thread-safe; open once, search many times.</summary>
public sealed class CorpusSearcher : IDisposable
{
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _indexAnalyzer = IndexSchema.CreateAnalyzer(forIndex: true);
    private readonly Analyzer _queryAnalyzer = IndexSchema.CreateAnalyzer(forIndex: false);
    private readonly IReadOnlyList<string> _districts;
    private readonly IReadOnlyList<string> _domains;

    private CorpusSearcher(DirectoryReader reader)
    {
        _reader = reader;
        _searcher = new IndexSearcher(reader) { Similarity = CorpusIndex.Similarity };
        _districts = Values(reader, IndexSchema.DistrictKey);
        _domains = [.. Values(reader, IndexSchema.DomainKey).Where(d => d != IndexSchema.NoDomain)];
    }

    /// <summary>Opens the index in <paramref name="indexFolder"/>; a missing or outdated one says to run build.</summary>
    public static CorpusSearcher Open(string indexFolder) => new(CorpusIndex.OpenReader(indexFolder));

    /// <summary>Every district display name in the index, ordinal order.</summary>
    public IReadOnlyList<string> Districts => _districts;

    /// <summary>Every domain name in the index, ordinal order.</summary>
    public IReadOnlyList<string> Domains => _domains;

    public SearchResult Search(SearchRequest request)
    {
        if (request.Limit <= 0)
        {
            throw new PlanExtractException($"--limit must be a positive number, not {request.Limit}");
        }

        var query = new QueryBuilder(_queryAnalyzer).Build(request.Query);
        var collector = new ItemCollector();
        _searcher.Search(query, Filter(request), collector);

        var snippets = new Snippets(_indexAnalyzer, _searcher.Rewrite(query));
        var hits = collector.Best(request.Limit).Select(d => Hit(d, snippets)).ToList();
        return new SearchResult(hits, collector.Items, collector.Counts(IndexSchema.DistrictKey), collector.Counts(IndexSchema.DomainKey));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _indexAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
    }

    private SearchHit Hit(ScoreDoc scoreDoc, Snippets snippets)
    {
        var document = _searcher.Doc(scoreDoc.Doc);
        var text = document.Get(IndexSchema.Text) ?? string.Empty;
        var (snippet, marks) = snippets.Make(text);
        return new SearchHit(
            scoreDoc.Score,
            document.Get(IndexSchema.Kind),
            document.Get(IndexSchema.District),
            document.Get(IndexSchema.Plan),
            document.Get(IndexSchema.Domain),
            document.Get(IndexSchema.Section),
            document.Get(IndexSchema.Item),
            text,
            snippet,
            marks,
            document.Get(IndexSchema.Source),
            Number(document.Get(IndexSchema.Line)),
            Number(document.Get(IndexSchema.Page)),
            Number(document.Get(IndexSchema.ItemLine)));
    }

    private static int? Number(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private Filter? Filter(SearchRequest request)
    {
        var clauses = new List<Query>();
        if (request.Plan is { } planName)
        {
            var plan = PlanKindNames.Parse(planName) ?? throw new PlanExtractException($"--plan must be women or children, not '{planName}'");
            clauses.Add(new TermQuery(new Term(IndexSchema.Plan, plan.ToContractName())));
        }

        if (request.Section is { } sectionName)
        {
            var section = SectionKindNames.Parse(sectionName) ?? throw new PlanExtractException($"--section must be goal, measure, project or other, not '{sectionName}'");
            clauses.Add(new TermQuery(new Term(IndexSchema.Section, section.ToContractName())));
        }

        if (request.District is { } district)
        {
            clauses.Add(AnyOf(IndexSchema.DistrictKey, Resolve("--district", district, _districts)));
        }

        if (request.Domain is { } domain)
        {
            clauses.Add(AnyOf(IndexSchema.DomainKey, Resolve("--domain", domain, _domains)));
        }

        if (clauses.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery();
        foreach (var clause in clauses)
        {
            all.Add(clause, Occur.MUST);
        }

        return new QueryWrapperFilter(all);
    }

    /// <summary>The names a filter means: the exact name if there is one, else every name containing it.</summary>
    private static IReadOnlyList<string> Resolve(string option, string wanted, IReadOnlyList<string> known)
    {
        var folded = CharFold.Fold(wanted.Trim());
        if (known.Contains(folded, StringComparer.Ordinal))
        {
            return [folded];
        }

        var matches = known.Where(k => k.Contains(folded, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count > 0
            ? matches
            : throw new PlanExtractException($"{option} '{wanted}' matches nothing in the index; it holds: {string.Join("、", known)}");
    }

    private static BooleanQuery AnyOf(string field, IReadOnlyList<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private static IReadOnlyList<string> Values(IndexReader reader, string field)
    {
        var values = MultiDocValues.GetSortedValues(reader, field);
        if (values is null)
        {
            return [];
        }

        var names = new List<string>(values.ValueCount);
        var bytes = new BytesRef();
        for (var ord = 0; ord < values.ValueCount; ord++)
        {
            values.LookupOrd(ord, bytes);
            names.Add(bytes.Utf8ToString());
        }

        return names;
    }

    /// <summary>
    /// Keeps the best-scoring document of each item (an item and its targets share a group) and
    /// counts the matching items by district and domain, reading doc values per segment. A target
    /// clause repeats its item's words, so without collapsing the top ten would show each item twice.
    /// </summary>
    private sealed class ItemCollector : ICollector
    {
        private static readonly string[] CountedFields = [IndexSchema.DistrictKey, IndexSchema.DomainKey];

        private readonly Dictionary<long, ScoreDoc> _best = [];
        private readonly Dictionary<string, Dictionary<string, int>> _totals = CountedFields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        private readonly List<(string Field, SortedDocValues Values, int[] Counts)> _segment = [];
        private Scorer? _scorer;
        private NumericDocValues? _groups;
        private int _docBase;

        public int Items => _best.Count;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            _docBase = context.DocBase;
            _groups = context.AtomicReader.GetNumericDocValues(IndexSchema.ItemGroup);
            foreach (var field in CountedFields)
            {
                if (context.AtomicReader.GetSortedDocValues(field) is { } values)
                {
                    _segment.Add((field, values, new int[values.ValueCount]));
                }
            }
        }

        public void Collect(int doc)
        {
            var score = _scorer!.GetScore();
            var group = _groups?.Get(doc) ?? -1 - (_docBase + doc);
            if (_best.TryGetValue(group, out var seen))
            {
                if (score > seen.Score)
                {
                    _best[group] = new ScoreDoc(_docBase + doc, score);
                }

                return;
            }

            _best[group] = new ScoreDoc(_docBase + doc, score);
            foreach (var (_, values, counts) in _segment)
            {
                var ord = values.GetOrd(doc);
                if (ord >= 0)
                {
                    counts[ord]++;
                }
            }
        }

        /// <summary>The best <paramref name="limit"/> items; ties go to corpus order so results are stable.</summary>
        public IEnumerable<ScoreDoc> Best(int limit) =>
            _best.Values.OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(limit);

        public IReadOnlyList<KeyValuePair<string, int>> Counts(string field)
        {
            Flush();
            return [.. _totals[field].OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];
        }

        // Ordinals are per segment, so they become names before the next segment starts.
        private void Flush()
        {
            var bytes = new BytesRef();
            foreach (var (field, values, counts) in _segment)
            {
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] > 0)
                    {
                        values.LookupOrd(ord, bytes);
                        var name = bytes.Utf8ToString();
                        _totals[field][name] = _totals[field].GetValueOrDefault(name) + counts[ord];
                    }
                }
            }

            _segment.Clear();
        }
    }
}
