using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PlanExtract.Indexing;

/// <summary>
/// A long-lived searcher's filters (plan, domain, district …), each made into a bit set per segment
/// the first time it is used and kept (Lucene's <see cref="CachingWrapperFilter"/>, caching a
/// <see cref="FixedBitSet"/>). Lucene then checks each match of the query against one bit
/// (random access) instead of leap-frogging the query's matches with the postings of the filter's
/// terms: that leap-frog was a third of a filtered search for a common word (健康 under
/// --plan women --domain 健康, 3,200 documents, docs/WEB.md). The same documents pass either way.
/// </summary>
internal sealed class KeptFilters
{
    /// <summary>Filters kept: 168 KB each at 3,200 plans (a bit per index document); the web view's readers try a few.</summary>
    public const int Kept = 64;

    private readonly ConcurrentDictionary<Query, Filter> _filters = new();

    /// <summary>The kept filter of these clauses (Lucene queries compare by what they match), made when first asked.</summary>
    public Filter For(Query clauses)
    {
        if (_filters.TryGetValue(clauses, out var kept))
        {
            return kept;
        }

        if (_filters.Count >= Kept)
        {
            // Forgetting them all now and then is simpler than tracking the least used, and a filter costs one pass over its terms to make again.
            _filters.Clear();
        }

        return _filters.GetOrAdd(clauses, q => new BitSetFilter(new QueryWrapperFilter(q)));
    }

    private sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        // The default keeps a compressed set, which has no random access: a plain bit set has.
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
