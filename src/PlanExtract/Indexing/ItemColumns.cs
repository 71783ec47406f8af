using Lucene.Net.Index;

namespace PlanExtract.Indexing;

/// <summary>
/// Per segment and document, the item group and the district's and domain's global ordinals, read
/// out of the doc values once into plain arrays. A word nearly every item holds (妇女: 440,000
/// matching documents at 3,200 plans) made the collector's three doc-values reads per match cost
/// more than matching and scoring (docs/SEARCH.md); from arrays they cost about a tenth of it. 16
/// bytes a document (21 MB at 3,200 plans), so only a long-lived searcher (the web view) keeps them.
/// </summary>
internal sealed class ItemColumns
{
    private const int None = -1;

    private ItemColumns(long[][] groups, int[][] districts, int[][] domains)
    {
        Groups = groups;
        Districts = districts;
        Domains = domains;
    }

    /// <summary>By segment (<see cref="AtomicReaderContext.Ord"/>), then document: the item group; a document without one has its own.</summary>
    public long[][] Groups { get; }

    /// <summary>By segment, then document: the district's global ordinal, or -1.</summary>
    public int[][] Districts { get; }

    /// <summary>By segment, then document: the domain's global ordinal, or -1.</summary>
    public int[][] Domains { get; }

    public static ItemColumns Of(IndexReader reader, GlobalOrdinals districts, GlobalOrdinals domains)
    {
        var leaves = reader.Leaves;
        var (groups, districtOrds, domainOrds) = (new long[leaves.Count][], new int[leaves.Count][], new int[leaves.Count][]);
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            var segment = leaves[leaf].AtomicReader;
            var docBase = leaves[leaf].DocBase;
            var values = segment.GetNumericDocValues(IndexSchema.ItemGroup);
            groups[leaf] = new long[segment.MaxDoc];
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                groups[leaf][doc] = values?.Get(doc) ?? -1 - (docBase + doc);
            }

            districtOrds[leaf] = Ordinals(segment, IndexSchema.DistrictKey, districts.Segment(leaf));
            domainOrds[leaf] = Ordinals(segment, IndexSchema.DomainKey, domains.Segment(leaf));
        }

        return new ItemColumns(groups, districtOrds, domainOrds);
    }

    private static int[] Ordinals(AtomicReader segment, string field, int[] toGlobal)
    {
        var values = segment.GetSortedDocValues(field);
        var ords = new int[segment.MaxDoc];
        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = values?.GetOrd(doc) is { } ord and >= 0 ? toGlobal[ord] : None;
        }

        return ords;
    }
}
