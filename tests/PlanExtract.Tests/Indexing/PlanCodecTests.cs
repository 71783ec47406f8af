using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// The index is written with <see cref="PlanCodec"/> (stored fields in small chunks). Readers find it
/// by the name each segment records, and an index an earlier planextract wrote with Lucene's own
/// codec still opens beside it.
/// </summary>
public sealed class PlanCodecTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void Every_segment_of_a_build_is_written_with_the_plan_codec()
    {
        using var directory = FSDirectory.Open(CorpusIndex.LivePath(index.IndexFolder));
        var commit = new SegmentInfos();
        commit.Read(directory);

        Assert.NotEmpty(commit.Segments);
        Assert.All(commit.Segments, s => Assert.Equal(PlanCodec.CodecName, s.Info.Codec.Name));
    }

    [Fact]
    public void Stored_fields_read_back_whole_across_small_chunks()
    {
        // Far more text than one chunk: every document must come back as written.
        var texts = Enumerable.Range(0, 400).Select(i => $"第{i}条 " + new string((char)('甲' + (i % 40)), 50 + (i % 300))).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, CorpusIndex.WriterConfig(IndexSchema.CreateAnalyzer(forIndex: true), OpenMode.CREATE)))
        {
            foreach (var text in texts)
            {
                writer.AddDocument(new Document { new StoredField(IndexSchema.Text, text) });
            }
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(texts, Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(IndexSchema.Text)));
    }

    [Fact]
    public void An_index_written_with_lucenes_own_codec_still_opens()
    {
        using var directory = new RAMDirectory();
        var config = CorpusIndex.WriterConfig(IndexSchema.CreateAnalyzer(forIndex: true), OpenMode.CREATE);
        config.Codec = new Lucene46Codec();
        using (var writer = new IndexWriter(directory, config))
        {
            writer.AddDocument(new Document { new TextField(IndexSchema.Text, "孕产妇死亡率下降到8/10万以下", Field.Store.YES) });
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal("孕产妇死亡率下降到8/10万以下", reader.Document(0).Get(IndexSchema.Text));
    }
}
