using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PlanExtract.Indexing;

/// <summary>
/// The values of a sorted doc-values field (<see cref="IndexSchema.DistrictKey"/>,
/// <see cref="IndexSchema.DomainKey"/>) numbered once across the whole index, with each segment's
/// own numbering mapped onto it, so a search counts a match with two array reads and names only
/// the values it counted, once. Built when the searcher opens; the index does not change under it.
/// </summary>
/// <remarks>
/// Naming every counted ordinal per segment instead cost a string per district per segment per
/// query: at 3,200 documents a common word matches items of every district in every segment.
/// </remarks>
internal sealed class GlobalOrdinals
{
    private readonly int[][] _bySegment;
    private readonly int[] _rank;
    private readonly int[] _byRank;

    private GlobalOrdinals(IReadOnlyList<string> names, int[][] bySegment, IReadOnlyList<string>? live = null)
    {
        Names = names;
        LiveNames = live ?? names;
        _bySegment = bySegment;
        _rank = new int[names.Count];
        _byRank = Enumerable.Range(0, names.Count).OrderBy(o => names[o], StringComparer.Ordinal).ToArray();
        for (var i = 0; i < _byRank.Length; i++)
        {
            _rank[_byRank[i]] = i;
        }
    }

    /// <summary>Every value, by global ordinal (the index's byte order).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// The values some live document still holds, in the same order: a removed district stays in
    /// the doc values of its segment until a merge rewrites it, and forcing that merge on every
    /// removal rewrote a segment of hundreds of MB to take out one plan.
    /// </summary>
    public IReadOnlyList<string> LiveNames { get; }

    public static GlobalOrdinals Of(IndexReader reader, string field)
    {
        var leaves = reader.Leaves;
        var bySegment = new int[leaves.Count][];
        if (MultiDocValues.GetSortedValues(reader, field) is not { } values)
        {
            Array.Fill(bySegment, []);
            return new GlobalOrdinals([], bySegment);
        }

        var names = new string[values.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, bytes);
            names[ord] = bytes.Utf8ToString();
        }

        // One segment: its ordinals are the global ones.
        var mapping = (values as MultiDocValues.MultiSortedDocValues)?.Mapping;
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var count = leaves[leaf].AtomicReader.GetSortedDocValues(field)?.ValueCount ?? 0;
            var map = new int[count];
            for (var ord = 0; ord < count; ord++)
            {
                map[ord] = mapping is null ? ord : (int)mapping.GetGlobalOrd(leaf, ord);
            }

            bySegment[leaf] = map;
        }

        return new GlobalOrdinals(names, bySegment, reader.HasDeletions ? Live(reader, field, names, bySegment) : null);
    }

    // One pass over the live documents' ordinals; only an index with deletions pays for it.
    private static List<string> Live(IndexReader reader, string field, string[] names, int[][] bySegment)
    {
        var held = new bool[names.Length];
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            if (segment.GetSortedDocValues(field) is not { } values)
            {
                continue;
            }

            var (live, map) = (segment.LiveDocs, bySegment[leaf.Ord]);
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if ((live is null || live.Get(doc)) && values.GetOrd(doc) is var ord and >= 0)
                {
                    held[map[ord]] = true;
                }
            }
        }

        return [.. names.Where((_, ord) => held[ord])];
    }

    /// <summary>Segment ordinal → global ordinal for the segment at <paramref name="leaf"/> (<see cref="AtomicReaderContext.Ord"/>).</summary>
    public int[] Segment(int leaf) => _bySegment[leaf];

    /// <summary>The counted values, most first, ties by name (ordinal), as the hit counts are reported.</summary>
    /// <remarks>
    /// Sorted as one number per value (count descending, then name rank) rather than with a
    /// comparer reading two arrays per comparison: a common word counts every one of 3,200
    /// districts, on every search.
    /// </remarks>
    public IReadOnlyList<KeyValuePair<string, int>> Ranked(int[] counts)
    {
        var keys = new List<long>();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                keys.Add(((long)(int.MaxValue - counts[ord]) << 32) | (uint)_rank[ord]);
            }
        }

        keys.Sort();
        var ranked = new KeyValuePair<string, int>[keys.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            var ord = _byRank[(int)(keys[i] & uint.MaxValue)];
            ranked[i] = KeyValuePair.Create(Names[ord], counts[ord]);
        }

        return ranked;
    }
}
