using Lucene.Net.Index;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Indexing;
using PlanExtract.Tests.Indexing;

namespace PlanExtract.Tests.Build;

/// <summary>
/// A build indexes each document on the worker that read it, so documents land in the index in
/// any order. Their items' group numbers must still follow the corpus, and searches must rank as
/// an index written one document after another does, ties included: synthesized plans share most
/// of their text, so equal scores are everywhere.
/// </summary>
public sealed class ConcurrentIndexingTests
{
    [Fact]
    public void Group_numbers_follow_the_corpus_and_ranking_matches_a_sequential_index()
    {
        using var temp = new SyntheticCorpus(8);
        var (layout, output) = (temp.Layout, temp.Output);
        CorpusBuild.Run(layout, output, new BuildOptions(Tables: false));

        var place = layout.Documents().Select((d, i) => (d.Source, i)).ToDictionary(p => p.Source, p => p.i, StringComparer.Ordinal);
        var groups = new List<(int Place, long Group)>();
        using (var reader = CorpusIndex.OpenReader(Path.Combine(output, "index")))
        {
            var values = MultiDocValues.GetNumericValues(reader, IndexSchema.ItemGroup);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                groups.Add((place[reader.Document(doc).Get(IndexSchema.Source)], values.Get(doc)));
            }
        }

        var ranges = groups.GroupBy(g => g.Place).OrderBy(g => g.Key).Select(g => (Min: g.Min(x => x.Group), Max: g.Max(x => x.Group))).ToList();
        Assert.Equal(8, ranges.Count);
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.True(pair.First.Max < pair.Second.Min, $"{pair.First} overlaps or follows {pair.Second}"));

        var sequential = Path.Combine(temp.Path, "sequential");
        CorpusIndex.Write(sequential, new CorpusReader(Pipeline.Default).ReadAll(layout));
        using var built = CorpusSearcher.Open(Path.Combine(output, "index"));
        using var oneByOne = CorpusSearcher.Open(sequential);
        var requests = new[] { "孕产妇死亡率", "托育", "妇女 就业", "心理健康" }.Select(q => new SearchRequest(q) { Limit = 40 })
            .Append(new SearchRequest("妇女") { Limit = 40, Comparator = ">=" })
            .Append(new SearchRequest("儿童") { Limit = 40, Comparator = "<=" });
        foreach (var request in requests)
        {
            var query = request.Query + (request.TargetsOnly ? " (targets)" : "");
            var expected = oneByOne.Search(request);
            var actual = built.Search(request);
            Assert.True(expected.Hits.Count > 10, $"{query}: too few hits to show the order of ties");
            SameSearchResult.Equal(expected, actual);
        }
    }
}
