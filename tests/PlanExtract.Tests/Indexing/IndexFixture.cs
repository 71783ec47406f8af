using PlanExtract.Corpus;
using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

/// <summary>The real corpus read once and indexed into a temporary folder, shared by a test class.</summary>
public sealed class IndexFixture : IDisposable
{
    public IndexFixture()
    {
        RepoRoot = FindRepoRoot();
        Folder = Path.Combine(Path.GetTempPath(), "planextract-index-" + Guid.NewGuid().ToString("N")[..8]);
        Results = new CorpusReader(Pipeline.Default).ReadAll(new CorpusLayout(Path.Combine(RepoRoot, "corpus")));
        IndexFolder = Path.Combine(Folder, "index");
        CorpusIndex.Write(IndexFolder, Results);
        Searcher = CorpusSearcher.Open(IndexFolder);
    }

    public string RepoRoot { get; }

    public string Folder { get; }

    public string IndexFolder { get; }

    public IReadOnlyList<DocumentResult> Results { get; }

    public CorpusSearcher Searcher { get; }

    public SearchResult Search(string query, int limit = 10) => Searcher.Search(new SearchRequest(query) { Limit = limit });

    public void Dispose()
    {
        Searcher.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string FindRepoRoot() => RepoPaths.Root;
}
