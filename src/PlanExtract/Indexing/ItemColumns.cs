using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PlanExtract.Indexing;

/// <summary>
/// Per segment and document, where each item begins and the district's and domain's global
/// ordinals, held in plain arrays so that the item collector counts a match without doc values:
/// three doc-values reads per match (group, district, domain) were a third of a search at 3,200
/// documents, and more than Lucene's own matching for a two-character word (就业: 63,200 items).
/// </summary>
/// <remarks>
/// Read from the postings of the keyword fields, not from the doc values: one pass over each
/// field's terms fills a segment's column in bulk, where one doc-values read per document took
/// 0.6 s at 3,200 documents (docs/PERFORMANCE.md, "Search at 3,200"). An item begins at its item
/// document (its targets follow it in the same block, <see cref="CorpusIndexWriter.Add"/>), so a
/// bit per document says where an item ends; its group number, which only breaks ranking ties, is
/// read from doc values for the few items that reach the top. About 4 bytes a document.
/// </remarks>
internal sealed class ItemColumns
{
    private ItemColumns(FixedBitSet[] itemStarts, ushort[][] districts, ushort[][] domains)
    {
        ItemStarts = itemStarts;
        Districts = districts;
        Domains = domains;
    }

    /// <summary>A column holds an ordinal plus one, so that 0 says "none"; more names than this and the collector reads doc values.</summary>
    public const int MostNames = ushort.MaxValue - 1;

    /// <summary>By segment (<see cref="AtomicReaderContext.Ord"/>), a bit set at each document that begins an item.</summary>
    public FixedBitSet[] ItemStarts { get; }

    /// <summary>By segment, then document: the district's global ordinal plus one, or 0.</summary>
    public ushort[][] Districts { get; }

    /// <summary>By segment, then document: the domain's global ordinal plus one, or 0.</summary>
    public ushort[][] Domains { get; }

    /// <summary>The columns of every segment; null when the index names more districts or domains than a column holds.</summary>
    public static ItemColumns? Of(IndexReader reader, GlobalOrdinals districts, GlobalOrdinals domains)
    {
        if (districts.Names.Count > MostNames || domains.Names.Count > MostNames)
        {
            return null;
        }

        var leaves = reader.Leaves;
        var (starts, districtOrds, domainOrds) = (new FixedBitSet[leaves.Count], new ushort[leaves.Count][], new ushort[leaves.Count][]);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var segment = leaves[leaf].AtomicReader;
            starts[leaf] = new FixedBitSet(Math.Max(1, segment.MaxDoc));
            if (segment.GetTermDocsEnum(new Term(IndexSchema.Kind, IndexSchema.KindItem)) is { } items)
            {
                starts[leaf].Or(items);
            }

            districtOrds[leaf] = Ordinals(segment, IndexSchema.DistrictKey, districts.Segment(leaf));
            domainOrds[leaf] = Ordinals(segment, IndexSchema.DomainKey, domains.Segment(leaf));
        }

        return new ItemColumns(starts, districtOrds, domainOrds);
    }

    // The keyword field holds the same value as the sorted doc values of the same name (IndexSchema.Common):
    // each term's documents get that value's global ordinal.
    private static ushort[] Ordinals(AtomicReader segment, string field, int[] toGlobal)
    {
        var ords = new ushort[segment.MaxDoc];
        var values = segment.GetSortedDocValues(field);
        var terms = segment.GetTerms(field);
        if (values is null || terms is null)
        {
            return ords;
        }

        var iterator = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (iterator.MoveNext())
        {
            var ord = values.LookupTerm(iterator.Term);
            if (ord < 0)
            {
                continue;
            }

            var column = (ushort)(toGlobal[ord] + 1);
            docs = iterator.Docs(null, docs, DocsFlags.NONE);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                ords[doc] = column;
            }
        }

        return ords;
    }
}
