using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// Searches read the index through <see cref="UntrackedMMapDirectory"/>, which clears the private
/// clone table Lucene.Net's mapped inputs keep. These pin that the field still exists in the
/// Lucene.Net version in use, that it is cleared for a file and its clones, and that an index read
/// this way answers exactly as Lucene's own directory does.
/// </summary>
public sealed class UntrackedMMapDirectoryTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void The_clone_table_is_there_to_clear_and_cleared_for_clones_too()
    {
        Assert.NotNull(UntrackedMMapDirectory.Clones);
        using var tracked = new MMapDirectory(new DirectoryInfo(CorpusIndex.LivePath(index.IndexFolder)));
        using var untracked = new UntrackedMMapDirectory(CorpusIndex.LivePath(index.IndexFolder));
        var file = untracked.ListAll().First(f => f.StartsWith("segments_", StringComparison.Ordinal));

        using var lucenes = tracked.OpenInput(file, IOContext.READ_ONCE);
        Assert.NotNull(UntrackedMMapDirectory.Clones!.GetValue(lucenes));

        using var ours = untracked.OpenInput(file, IOContext.READ_ONCE);
        var clone = (IndexInput)ours.Clone();
        Assert.Null(UntrackedMMapDirectory.Clones.GetValue(ours));
        Assert.Null(UntrackedMMapDirectory.Clones.GetValue(clone));
        Assert.Equal(ours.ReadByte(), clone.ReadByte());
    }

    [Fact]
    public void A_clone_read_after_its_file_closed_throws_rather_than_reading_unmapped_memory()
    {
        // What the clone table guarded against, now answered by the disposed view (J2N, pinned in
        // Directory.Packages.props): an exception, not an access violation that ends the process.
        using var untracked = new UntrackedMMapDirectory(CorpusIndex.LivePath(index.IndexFolder));
        var file = untracked.ListAll().First(f => f.StartsWith("segments_", StringComparison.Ordinal));
        var input = untracked.OpenInput(file, IOContext.READ_ONCE);
        var clone = (IndexInput)input.Clone();
        input.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => clone.ReadByte());
    }

    [Theory]
    [InlineData("孕产妇死亡率")]
    [InlineData("托育")]
    [InlineData("妇女")]
    [InlineData("section:goal AND domain:健康")]
    public void Answers_as_Lucenes_own_directory_does(string query)
    {
        var live = CorpusIndex.LivePath(index.IndexFolder);
        using var ours = DirectoryReader.Open(new UntrackedMMapDirectory(live));
        using var lucenes = DirectoryReader.Open(FSDirectory.Open(live));
        var parsed = new PlanQueryParser(IndexSchema.CreateAnalyzer(forIndex: false), PlaceNames.Of(lucenes)).Parse(query);

        var expected = new IndexSearcher(lucenes) { Similarity = CorpusIndex.Similarity }.Search(parsed, 1000);
        var actual = new IndexSearcher(ours) { Similarity = CorpusIndex.Similarity }.Search(parsed, 1000);

        Assert.True(expected.TotalHits > 0, $"{query} finds nothing in the corpus index");
        Assert.Equal(expected.TotalHits, actual.TotalHits);
        Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
        Assert.Equal(
            expected.ScoreDocs.Select(d => lucenes.Document(d.Doc).Get(IndexSchema.Text)),
            actual.ScoreDocs.Select(d => ours.Document(d.Doc).Get(IndexSchema.Text)));
    }
}
