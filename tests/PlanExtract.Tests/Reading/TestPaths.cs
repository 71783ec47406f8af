namespace PlanExtract.Tests.Reading;

/// <summary>Where the reader tests find their inputs: fixtures beside the test assembly, the corpus in the repository.</summary>
internal static class TestPaths
{
    public static string Corpus => RepoPaths.Corpus;

    /// <summary>Fixtures are copied next to the assembly by the csproj, so tests never read /work/shared.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string CorpusPlan(string relativeFolder) => Path.Combine(Corpus, relativeFolder, "plans.txt");
}
