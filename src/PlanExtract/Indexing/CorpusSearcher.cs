using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Indexing;

/// <summary>Searches the index <see cref="CorpusIndex"/> wrote. Thread-safe; open once, search many times.</summary>
public sealed class CorpusSearcher : IDisposable
{
    private readonly DirectoryReader _reader;
    private readonly SlicedSearcher _searcher;
    private readonly Analyzer _snippetAnalyzer = PlanAnalyzer.ForSnippets();
    private readonly Analyzer _queryAnalyzer = IndexSchema.CreateAnalyzer(forIndex: false);
    private readonly WordAnalyzer _wordAnalyzer = new();
    private readonly IReadOnlyList<string> _indicatorIds;
    private readonly IReadOnlyList<string> _indicatorNames;

    /// <summary>What a word the index lacks may be close to: canonical ids first, then written names.</summary>
    private readonly IReadOnlyList<string> _indicatorsToSuggest;
    private readonly LoneCharacters _loneCharacters;
    private readonly PlaceNames _places;
    private readonly GlobalOrdinals _districtOrdinals;
    private readonly GlobalOrdinals _domainOrdinals;
    private readonly IReadOnlyList<string> _domains;
    private volatile ItemColumns? _columns;
    private volatile bool _columnsRead;
    private int _searches;
    private volatile KeptFilters? _filters;

    private CorpusSearcher(DirectoryReader reader, int slicedFrom, int threads, bool allCores)
    {
        _reader = reader;
        _searcher = new SlicedSearcher(reader, slicedFrom, threads, allCores) { Similarity = CorpusIndex.Similarity };
        _loneCharacters = new LoneCharacters(reader);
        _places = PlaceNames.Of(reader);
        _districtOrdinals = GlobalOrdinals.Of(reader, IndexSchema.DistrictKey);
        _domainOrdinals = GlobalOrdinals.Of(reader, IndexSchema.DomainKey);
        _domains = [.. _domainOrdinals.LiveNames.Where(d => d != IndexSchema.NoDomain)];
        _indicatorIds = Terms(reader, IndexSchema.IndicatorIdKey);
        _indicatorNames = Terms(reader, IndexSchema.IndicatorKey);
        _indicatorsToSuggest = [.. _indicatorIds.Union(_indicatorNames, StringComparer.Ordinal)];
    }

    /// <summary>Opens the index in <paramref name="indexFolder"/>; a missing or outdated one says to run build.</summary>
    public static CorpusSearcher Open(string indexFolder) => new(CorpusIndex.OpenReader(indexFolder), SlicedSearcher.SlicedFrom, threads: 0, allCores: false);

    /// <summary>Opens the index, searching it on <paramref name="threads"/> threads (0: one a core) from the start, from <paramref name="slicedFrom"/> index documents on.</summary>
    internal static CorpusSearcher Open(string indexFolder, int slicedFrom, int threads = 0) => new(CorpusIndex.OpenReader(indexFolder), slicedFrom, threads, allCores: true);

    /// <summary>
    /// Searches from now on run on every core, on an index of <see cref="SlicedSearcher.SlicedFrom"/>
    /// documents or more (<see cref="SlicedSearcher"/>): for a searcher that answers many queries
    /// for a long time, as the web view's does. Settled searches at 3,200 documents took two thirds
    /// of the time on an idle machine, but a process's first searches were slower on both cores
    /// (the runtime's background compiles wait for a core; docs/PERFORMANCE.md, "Search on both
    /// cores"), so a one-off search or a short run stays on one thread.
    /// </summary>
    public void UseAllCores() => _searcher.UseAllCores();

    /// <summary>How many slices of its segments a search runs in, on as many threads (<see cref="SlicedSearcher"/>).</summary>
    internal int Slices => _searcher.Slices;

    /// <summary>Lucene searches (a request makes one or more) that ran in slices so far.</summary>
    internal long SlicedSearches => _searcher.SlicedSearches;

    /// <summary>
    /// Reads where each item begins and every document's district and domain into memory (about 4
    /// bytes a document, from the keyword fields' postings: ItemColumns), so a search counts its
    /// matches from arrays rather than doc values. A searcher does so by itself at its second search
    /// (<see cref="ColumnsAtSearch"/>): one that answers many queries (the web view, which calls
    /// this when it opens) gains on every one after; a one-off search would spend more reading them than it saves.
    /// </summary>
    public void KeepColumns()
    {
        if (!_columnsRead)
        {
            _columns = ItemColumns.Of(_reader, _districtOrdinals, _domainOrdinals);
            _columnsRead = true;
        }
    }

    /// <summary>Whether searches count from item columns (<see cref="KeepColumns"/>) rather than doc values.</summary>
    internal bool KeepsColumns => _columns is not null;

    /// <summary>The search at which a searcher reads its item columns (<see cref="KeepColumns"/>) if nothing asked before.</summary>
    internal const int ColumnsAtSearch = 2;

    /// <summary>
    /// Keeps each filter (plan, domain, district …) as a bit set once used (<see cref="KeptFilters"/>):
    /// for a searcher that answers many queries, where the same few filters come back.
    /// </summary>
    public void KeepFilters() => _filters ??= new KeptFilters();

    /// <summary>Every district display name in the index, ordinal order.</summary>
    public IReadOnlyList<string> Districts => _districtOrdinals.LiveNames;

    /// <summary>Every domain name in the index, ordinal order.</summary>
    public IReadOnlyList<string> Domains => _domains;

    /// <summary>
    /// Below this many items (a page) the query as written is relaxed (<see cref="QueryBuilder"/>):
    /// a few items for a researcher's phrase usually means most plans write it otherwise
    /// (艾滋病母婴传播 is written 艾滋病、梅毒和乙肝母婴传播). The items holding it as written
    /// still come first, so relaxing only adds below them.
    /// </summary>
    internal const int RelaxBelow = 10;

    public SearchResult Search(SearchRequest request)
    {
        if (request.Limit <= 0)
        {
            throw new InvalidFieldException("limit", $"must be a positive number, not {request.Limit}");
        }

        if (request.Offset < 0)
        {
            throw new InvalidFieldException("offset", $"must be zero or more, not {request.Offset}");
        }

        if (!_columnsRead && Interlocked.Increment(ref _searches) == ColumnsAtSearch)
        {
            KeepColumns();
        }

        var filter = Filter(request);
        if (string.IsNullOrWhiteSpace(request.Query) && request.TargetsOnly)
        {
            return TargetList(request, filter);
        }

        var builder = new QueryBuilder(_queryAnalyzer, _wordAnalyzer, request.Chain, _places);
        var plan = builder.Build(request.Query);
        var keep = request.Offset + request.Limit;
        var query = plan.Strict.Query;
        using var relaxedSteps = plan.Relaxed.GetEnumerator();
        QueryStep? allWords = null;

        // Under a filter most plain queries find nothing (15 of the first 26 judged queries under
        // --plan women --domain 健康), and when no item there holds all the query's words, none holds
        // them as written: one cheap question answers for the strict search and its relaxed step.
        // Only for Han text, where every word is a run of the typed characters (a Latin word may be
        // cut where the index keeps it whole).
        var holdsNone = filter is not null && plan.Chunks.All(c => c.All(HanText.IsHan))
            && relaxedSteps.MoveNext() && (allWords = relaxedSteps.Current).Matching is { } allMatching
            && !Any(allMatching, filter);
        var collector = holdsNone ? Collector(keep, request.TargetsOnly) : Run(query, filter, keep, request.TargetsOnly);
        string? note = null;
        IReadOnlyList<string> suggestions = [];
        if (collector.Items == 0 && plan.Plain && request.Chain != QueryChain.Bigrams)
        {
            // Nothing as written: a typo (心里健康, 家庭暴历) is one character off text the index holds.
            suggestions = new Suggestions(_reader, _searcher, _loneCharacters, builder, _indicatorsToSuggest).For(plan.Chunks);
            if (suggestions.Count > 0 && !suggestions[0].EndsWith(Suggestions.IndicatorMark, StringComparison.Ordinal))
            {
                var corrected = builder.Build(suggestions[0]).Strict.Query;
                var found = Run(corrected, filter, keep, request.TargetsOnly);
                if (found.Items > 0)
                {
                    (collector, query, note) = (found, corrected, $"no item holds \"{string.Join(" ", plan.Chunks)}\"; showing \"{suggestions[0]}\" (one character changed)");
                }
            }
        }

        // A filtered search is narrow on purpose: a few hits are its answer; only none is relaxed,
        // and only to all the words (most of them, under a filter, is mostly noise).
        if (collector.Items < (filter is null ? RelaxBelow : 1) && note is null && !holdsNone)
        {
            foreach (var step in Steps(allWords, relaxedSteps).Take(filter is null ? int.MaxValue : 1))
            {
                // Under a filter, most queries that find nothing as written find nothing relaxed
                // either: whether any item holds the words is asked first, without the ranking phrases.
                if (filter is not null && step != allWords && step.Matching is { } matching && !Any(matching, filter))
                {
                    break;
                }

                var relaxed = Run(step.Query, filter, keep, request.TargetsOnly);
                if (relaxed.Items > collector.Items)
                {
                    (collector, query, note) = (relaxed, step.Query, step.Note);
                }

                if (relaxed.Items >= RelaxBelow)
                {
                    break;
                }
            }
        }

        var snippets = new Snippets(_snippetAnalyzer, _searcher.Rewrite(query));
        var hits = collector.Best().Skip(request.Offset).Select(d => Hit(d, snippets)).ToList();
        return new SearchResult(hits, collector.Items, collector.ByDistrict, collector.ByDomain)
        {
            Relaxed = note,
            Suggestions = suggestions,
            Offset = request.Offset,
            OfTargets = request.TargetsOnly,
        };
    }

    private ItemCollector Run(Query query, Filter? filter, int keep, bool targetsOnly)
    {
        var slices = _searcher.Search(_loneCharacters.Expand(query), filter, () => Collector(keep, targetsOnly));
        return slices[0].Merge(slices.Skip(1));
    }

    private ItemCollector Collector(int keep, bool targetsOnly) => new(keep, collapse: !targetsOnly, _districtOrdinals, _domainOrdinals, _columns);

    // The relaxed steps in order, the first one already taken when the filtered check built it.
    private static IEnumerable<QueryStep> Steps(QueryStep? taken, IEnumerator<QueryStep> rest)
    {
        if (taken is not null)
        {
            yield return taken;
        }

        while (rest.MoveNext())
        {
            yield return rest.Current;
        }
    }

    private bool Any(Query query, Filter filter) =>
        _searcher.Search(_loneCharacters.Expand(query), filter, () => new TotalHitCountCollector()).Any(c => c.TotalHits > 0);

    /// <summary>
    /// Targets by filter alone, ordered by value (then district): "this indicator in every
    /// district". With <c>--indicator</c> each district gives one row, its goal's target when it
    /// has one (a plan may restate the target in a key project).
    /// </summary>
    private SearchResult TargetList(SearchRequest request, Filter? filter)
    {
        var all = new AllDocs();
        _searcher.Search(new MatchAllDocsQuery(), filter, all);
        var none = new Snippets(_snippetAnalyzer, new BooleanQuery());
        IEnumerable<SearchHit> rows = all.Docs.Select(d => Hit(new ScoreDoc(d, 1f), none));
        if (request.Indicator is not null)
        {
            rows = rows.GroupBy(h => (h.District, h.Plan))
                .Select(g => g.OrderBy(h => h.Section == "goal" ? 0 : 1).ThenBy(h => h.Line ?? h.Page ?? 0).First());
        }

        var ordered = rows
            .OrderBy(h => h.Target?.Value is { } v && IndexSchema.NumberOf(v) is { } n ? n : double.MaxValue)
            .ThenBy(h => h.District, StringComparer.Ordinal)
            .ThenBy(h => h.Source, StringComparer.Ordinal)
            .ThenBy(h => h.Line ?? 0)
            .ToList();
        return new SearchResult(
            [.. ordered.Skip(request.Offset).Take(request.Limit)],
            ordered.Count,
            Tally(ordered.Select(h => h.District)),
            Tally(ordered.Select(h => h.Domain ?? IndexSchema.NoDomain)))
        {
            Offset = request.Offset,
            OfTargets = true,
        };
    }

    private static IReadOnlyList<KeyValuePair<string, int>> Tally(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];

    public void Dispose()
    {
        _reader.Dispose();
        _snippetAnalyzer.Dispose();
        _queryAnalyzer.Dispose();
        _wordAnalyzer.Dispose();
    }

    private SearchHit Hit(ScoreDoc scoreDoc, Snippets snippets)
    {
        var document = _searcher.Doc(scoreDoc.Doc);
        var text = document.Get(IndexSchema.Text) ?? string.Empty;
        var (snippet, marks) = snippets.Make(text);
        var kind = document.Get(IndexSchema.Kind);
        return new SearchHit(
            scoreDoc.Score,
            kind,
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
            Number(document.Get(IndexSchema.ItemLine)))
        {
            Target = kind != IndexSchema.KindTarget ? null : new TargetFields(
                document.Get(IndexSchema.Indicator) ?? string.Empty,
                document.Get(IndexSchema.IndicatorId),
                document.Get(IndexSchema.Comparator) ?? string.Empty,
                document.Get(IndexSchema.Value),
                document.Get(IndexSchema.Unit),
                Number(document.Get(IndexSchema.Year))),
        };
    }

    private static int? Number(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private Filter? Filter(SearchRequest request)
    {
        var clauses = new List<Query>();
        if (request.TargetsOnly)
        {
            clauses.Add(new TermQuery(new Term(IndexSchema.Kind, IndexSchema.KindTarget)));
        }

        if (request.Indicator is { } indicator)
        {
            clauses.Add(Indicator(indicator));
        }

        if (request.Value is { } range)
        {
            clauses.Add(NumericRangeQuery.NewDoubleRange(IndexSchema.Value, range.Min, range.Max, range.MinInclusive, range.MaxInclusive));
        }

        if (request.Unit is { } unit)
        {
            clauses.Add(new TermQuery(new Term(IndexSchema.Unit, CharFold.Fold(unit.Trim()))));
        }

        if (request.Comparator is { } comparator)
        {
            clauses.Add(new TermQuery(new Term(IndexSchema.Comparator, comparator.Trim().Replace("≤", "<=").Replace("≥", ">=").ToLowerInvariant())));
        }

        if (request.Year is { } year)
        {
            clauses.Add(NumericRangeQuery.NewInt32Range(IndexSchema.Year, year, year, true, true));
        }

        if (request.Plan is { } planName)
        {
            var plan = PlanKindNames.Parse(planName) ?? throw new InvalidFieldException("plan", $"must be women or children, not '{planName}'");
            clauses.Add(new TermQuery(new Term(IndexSchema.Plan, plan.ToContractName())));
        }

        if (request.Section is { } sectionName)
        {
            var section = SectionKindNames.Parse(sectionName) ?? throw new InvalidFieldException("section", $"must be goal, measure, project or other, not '{sectionName}'");
            clauses.Add(new TermQuery(new Term(IndexSchema.Section, section.ToContractName())));
        }

        if (request.District is { } district)
        {
            clauses.Add(AnyOf(IndexSchema.DistrictKey, Resolve("district", district, Districts)));
        }

        if (request.Domain is { } domain)
        {
            clauses.Add(AnyOf(IndexSchema.DomainKey, Resolve("domain", domain, _domains)));
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

        return _filters is { } kept ? kept.For(all) : new QueryWrapperFilter(all);
    }

    /// <summary>An indicator by canonical id or as written; by part of the name when neither matches whole.</summary>
    private BooleanQuery Indicator(string wanted)
    {
        var folded = CharFold.Fold(wanted.Trim());
        var ids = _indicatorIds.Where(i => i == folded).ToList();
        var names = _indicatorNames.Where(n => n == folded).ToList();
        if (ids.Count + names.Count == 0)
        {
            ids = [.. _indicatorIds.Where(i => i.Contains(folded, StringComparison.OrdinalIgnoreCase))];
            names = [.. _indicatorNames.Where(n => n.Contains(folded, StringComparison.OrdinalIgnoreCase))];
        }

        if (ids.Count + names.Count == 0)
        {
            var near = _indicatorIds.OrderByDescending(i => Indicators.Similarity.Dice(i, folded)).Take(5);
            throw new InvalidFieldException("indicator", $"'{wanted}' matches no indicator in the index; nearest: {string.Join("、", near)}");
        }

        var any = new BooleanQuery();
        foreach (var id in ids)
        {
            any.Add(new TermQuery(new Term(IndexSchema.IndicatorIdKey, id)), Occur.SHOULD);
        }

        foreach (var name in names)
        {
            any.Add(new TermQuery(new Term(IndexSchema.IndicatorKey, name)), Occur.SHOULD);
        }

        return any;
    }

    private static IReadOnlyList<string> Terms(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return [];
        }

        var list = new List<string>();
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            list.Add(iterator.Term.Utf8ToString());
        }

        return list;
    }

    /// <summary>The names a filter means: the exact name if there is one, else every name containing it.</summary>
    private static IReadOnlyList<string> Resolve(string field, string wanted, IReadOnlyList<string> known)
    {
        var folded = CharFold.Fold(wanted.Trim());
        if (known.Contains(folded, StringComparer.Ordinal))
        {
            return [folded];
        }

        var matches = known.Where(k => k.Contains(folded, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count > 0
            ? matches
            : throw new InvalidFieldException(field, $"'{wanted}' matches nothing in the index; it holds: {string.Join("、", known)}");
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

    /// <summary>Every matching document, in order: a target list is small and ordered by value, not score.</summary>
    private sealed class AllDocs : ICollector
    {
        private int _docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => Docs.Add(_docBase + doc);
    }
}
