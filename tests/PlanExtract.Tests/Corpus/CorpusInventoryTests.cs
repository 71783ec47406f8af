using PlanExtract.Corpus;
using PlanExtract.Reading;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary>Every file under the corpus is a document, its metadata, the catalog, or a finding by name.</summary>
public sealed class CorpusInventoryTests : IDisposable
{
    private static readonly string[] Extensions = [.. DocumentReaders.Default.Extensions];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CorpusInventory Take(string corpus) => CorpusInventory.Take(new CorpusLayout(corpus), Extensions);

    [Fact]
    public void RepositoryCorpusHasFourDocumentsAndNoFindings()
    {
        var inventory = Take(RepoPaths.Corpus);

        Assert.Equal(4, inventory.Documents.Count);
        Assert.Empty(inventory.Findings);
    }

    [Fact]
    public void StrayFileIsReportedByName()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllText(Path.Combine(corpus, "广东省", "清远市", "清城区", "notes.docx.bak"), "x");

        var finding = Assert.Single(Take(corpus).Findings);

        Assert.Equal("广东省/清远市/清城区/notes.docx.bak", finding.Path);
        Assert.Equal(CorpusProblem.NotPartOfCorpus, finding.Problem);
    }

    [Fact]
    public void PlanFileWithoutMetadataIsReportedByName()
    {
        var corpus = _temp.CopyOfCorpus();
        CorpusDamage.AddPlanWithoutMetadata(corpus);

        var inventory = Take(corpus);

        var finding = Assert.Single(inventory.Findings);
        Assert.Equal("广东省/清远市/英德市/plans.pdf", finding.Path);
        Assert.Equal(CorpusProblem.PlanWithoutMetadata, finding.Problem);
        Assert.Equal(4, inventory.Documents.Count);
    }

    [Fact]
    public void SymlinkLoopIsReportedAndNothingIsReadTwice()
    {
        var corpus = _temp.CopyOfCorpus();
        CorpusDamage.AddLinkLoop(corpus);

        var inventory = Take(corpus);

        Assert.Equal(4, inventory.Documents.Count);
        Assert.Equal(4, inventory.Documents.Select(d => d.FilePath).Distinct().Count());
        var finding = Assert.Single(inventory.Findings);
        Assert.Equal("广东省/loop", finding.Path);
        Assert.Equal(CorpusProblem.LinkInside, finding.Problem);
    }

    [Fact]
    public void SymlinkOutOfTheCorpusIsNotFollowed()
    {
        var corpus = _temp.CopyOfCorpus();
        var outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "elsewhere", "某市")).FullName;
        File.Copy(Path.Combine(corpus, "广东省", "清远市", "meta.json"), Path.Combine(outside, "meta.json"));
        File.Copy(Path.Combine(corpus, "广东省", "清远市", "plans.txt"), Path.Combine(outside, "plans.txt"));
        File.CreateSymbolicLink(Path.Combine(corpus, "广东省", "某市"), outside);

        var inventory = Take(corpus);

        Assert.Equal(4, inventory.Documents.Count);
        Assert.DoesNotContain(inventory.Documents, d => d.FilePath.StartsWith(outside, StringComparison.Ordinal));
        var finding = Assert.Single(inventory.Findings);
        Assert.Equal(CorpusProblem.LinkOutside, finding.Problem);
    }

    [Theory]
    [InlineData("../../../深圳市/宝安区/plans.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public void MetadataFileOutsideItsFolderIsThatDocumentsError(string file)
    {
        var corpus = _temp.CopyOfCorpus();
        var meta = Path.Combine(corpus, "广东省", "清远市", "清城区", "meta.json");
        CorpusDamage.PointMetadataAt(meta, file);

        var inventory = Take(corpus);

        var broken = Assert.Single(inventory.Documents, d => d.Error is not null);
        Assert.Equal(meta, broken.FilePath);
        Assert.Contains("must name a file in the same folder", broken.Error, StringComparison.Ordinal);
        Assert.Empty(inventory.Findings);
    }

    // "symlinks … read files outside the corpus": a plan file that is a link is that document's error.
    [Fact]
    public void PlanFileThatIsALinkIsThatDocumentsError()
    {
        var corpus = _temp.CopyOfCorpus();
        var (plan, _) = CorpusDamage.LinkPlanFromOutside(_temp, corpus);

        var inventory = Take(corpus);

        var broken = Assert.Single(inventory.Documents, d => d.Error is not null);
        Assert.Equal(plan, broken.FilePath);
        Assert.Contains("outside the corpus", broken.Error, StringComparison.Ordinal);
        Assert.Empty(inventory.Findings);
    }
}
