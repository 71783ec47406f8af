using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PlanExtract.Indexing;

/// <summary>
/// Keeps the best-scoring document of each item (an item and its targets share a group) and
/// counts the matching items by district and domain. A target clause repeats its item's words, so
/// without collapsing the top ten would show each item twice.
/// </summary>
/// <remarks>
/// Cost per matching document is a few array reads and no allocation: documents arrive in order
/// and an item's documents are adjacent (<see cref="CorpusIndexWriter.Add"/> adds a document's
/// items and targets as one block, which Lucene keeps together in one segment), so an item is
/// complete when the next match lies past the next item's start, and only the best <c>limit</c>
/// items are kept, in a heap. A common term matches tens of thousands of items at country scale; a
/// dictionary of all of them made search slower than scanning the raw text. Counts go straight to
/// global ordinals (<see cref="GlobalOrdinals"/>) and are named once, at the end.
/// With <see cref="ItemColumns"/> an item's bounds and its district and domain come from arrays;
/// without them (a searcher's first search), from doc values. The group number, which only breaks
/// ties, is read for an item that may enter the heap, not for every match.
/// </remarks>
internal sealed class ItemCollector(int limit, bool collapse, GlobalOrdinals districts, GlobalOrdinals domains, ItemColumns? columns) : ICollector
{
    private readonly PriorityQueue<RankedHit, RankedHit> _top = new(Math.Min(limit, 1024) + 1, WorstFirst.Instance);
    private readonly int[] _districtCounts = new int[districts.Names.Count];
    private readonly int[] _domainCounts = new int[domains.Names.Count];
    private Scorer? _scorer;
    private NumericDocValues? _groups;
    private SortedDocValues? _districtValues;
    private SortedDocValues? _domainValues;
    private int[] _districtMap = [];
    private int[] _domainMap = [];
    private FixedBitSet? _itemStarts;
    private ushort[]? _districtColumn;
    private ushort[]? _domainColumn;
    private int _docBase;
    private bool _open;
    private long _group;
    private int _lastDoc;
    private int _bestDoc;
    private float _bestScore;

    public int Items { get; private set; }

    public IReadOnlyList<KeyValuePair<string, int>> ByDistrict => districts.Ranked(_districtCounts);

    public IReadOnlyList<KeyValuePair<string, int>> ByDomain => domains.Ranked(_domainCounts);

    // In order, so that an item's adjacent documents arrive one after another.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        Close();
        _docBase = context.DocBase;
        var reader = context.AtomicReader;
        _groups = reader.GetNumericDocValues(IndexSchema.ItemGroup);
        if (columns is not null)
        {
            (_itemStarts, _districtColumn, _domainColumn) = (columns.ItemStarts[context.Ord], columns.Districts[context.Ord], columns.Domains[context.Ord]);
            return;
        }

        _districtValues = reader.GetSortedDocValues(IndexSchema.DistrictKey);
        _domainValues = reader.GetSortedDocValues(IndexSchema.DomainKey);
        _districtMap = districts.Segment(context.Ord);
        _domainMap = domains.Segment(context.Ord);
    }

    public void Collect(int doc)
    {
        var score = _scorer!.GetScore();
        if (_open && collapse && SameItem(doc))
        {
            if (score > _bestScore)
            {
                (_bestDoc, _bestScore) = (_docBase + doc, score);
            }

            _lastDoc = doc;
            return;
        }

        Close();
        (_open, _lastDoc, _bestDoc, _bestScore) = (true, doc, _docBase + doc, score);
        Items++;

        // Counted by the item's first matching document, as each item counts once.
        if (_districtColumn is not null)
        {
            Count(_districtColumn, _districtCounts, doc);
            Count(_domainColumn!, _domainCounts, doc);
            return;
        }

        _group = Group(doc);
        Count(_districtValues, _districtMap, _districtCounts, doc);
        Count(_domainValues, _domainMap, _domainCounts, doc);
    }

    /// <summary>
    /// Takes in what <paramref name="others"/> collected from other segments (<see cref="SlicedSearcher"/>):
    /// an item never spans two segments, so the items and counts add up, and the best items of the
    /// whole index are among each slice's best, ranked by the same score, group and document as one
    /// collector over all segments would rank them.
    /// </summary>
    public ItemCollector Merge(IEnumerable<ItemCollector> others)
    {
        Close();
        foreach (var other in others)
        {
            other.Close();
            Items += other.Items;
            Add(_districtCounts, other._districtCounts);
            Add(_domainCounts, other._domainCounts);
            foreach (var (hit, _) in other._top.UnorderedItems)
            {
                Offer(hit.Doc, hit.Score, hit.Order);
            }
        }

        return this;
    }

    /// <summary>The best <c>limit</c> items; ties go to corpus order so results are stable.</summary>
    public IEnumerable<ScoreDoc> Best()
    {
        Close();
        var best = new List<ScoreDoc>(_top.Count);
        while (_top.TryDequeue(out var hit, out _))
        {
            best.Add(hit);
        }

        best.Reverse();
        return best;
    }

    // With columns: no item begins between the open item's last match and this one.
    // Without: the group number, read for every match, is the open item's.
    private bool SameItem(int doc) =>
        _itemStarts is { } starts ? starts.NextSetBit(_lastDoc + 1) is var next && (next < 0 || next > doc) : Group(doc) is var group && group >= 0 && group == _group;

    private long Group(int doc) => _groups?.Get(doc) ?? -1;

    private static void Add(int[] counts, int[] more)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += more[i];
        }
    }

    private static void Count(ushort[] column, int[] counts, int doc)
    {
        if (column[doc] is var ord and > 0)
        {
            counts[ord - 1]++;
        }
    }

    private static void Count(SortedDocValues? values, int[] map, int[] counts, int doc)
    {
        if (values is not null && values.GetOrd(doc) is var ord and >= 0)
        {
            counts[map[ord]]++;
        }
    }

    // The open item is complete: offer it to the heap, which drops the worst beyond the limit.
    private void Close()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        if (_top.Count >= limit && _bestScore < _top.Peek().Score)
        {
            // Most items of a common word rank below the worst kept one: no group number is read for them.
            return;
        }

        // Ties go to the item first in the corpus as the index was built: its group number (documents
        // are indexed on several threads, so document numbers follow no order across them), then
        // its document, which within one corpus document's block is the corpus order. Documents an
        // incremental build re-read number after all the others, as they did before.
        Offer(_bestDoc, _bestScore, _itemStarts is null ? _group : Group(_lastDoc));
    }

    private void Offer(int doc, float score, long order)
    {
        if (_top.Count < limit)
        {
            var hit = new RankedHit(doc, score, order);
            _top.Enqueue(hit, hit);
        }
        else if (WorstFirst.Better(score, order, doc, _top.Peek()))
        {
            var hit = new RankedHit(doc, score, order);
            _top.EnqueueDequeue(hit, hit);
        }
    }

    /// <summary>A kept item: its best document and score, and its place in the corpus for ties.</summary>
    private sealed class RankedHit(int doc, float score, long order) : ScoreDoc(doc, score)
    {
        public long Order => order;
    }

    /// <summary>Lower score first, then later in the corpus: the heap's head is the hit to drop.</summary>
    private sealed class WorstFirst : IComparer<RankedHit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(RankedHit? x, RankedHit? y) =>
            x!.Score != y!.Score ? x.Score.CompareTo(y.Score) : x.Order != y.Order ? y.Order.CompareTo(x.Order) : y.Doc.CompareTo(x.Doc);

        /// <summary>Whether a hit not yet made would rank above <paramref name="worst"/>; most items of a common word do not, and make nothing.</summary>
        public static bool Better(float score, long order, int doc, RankedHit worst) =>
            score != worst.Score ? score > worst.Score : order != worst.Order ? order < worst.Order : doc < worst.Doc;
    }
}
