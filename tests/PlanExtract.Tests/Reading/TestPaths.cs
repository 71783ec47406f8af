namespace PlanExtract.Tests.Reading;

/// <summary>Where the tests find their inputs: fixtures beside the test assembly, the corpus in the repository.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository: the first folder above the test assembly that holds PlanExtract.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Corpus => Path.Combine(RepositoryRoot, "corpus");

    /// <summary>Fixtures are copied next to the assembly by the csproj, so tests never read /work/shared.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string CorpusPlan(string relativeFolder) => Path.Combine(Corpus, relativeFolder, "plans.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds PlanExtract.sln");
    }
}
