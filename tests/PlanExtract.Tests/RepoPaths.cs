namespace PlanExtract.Tests;

/// <summary>Finds the repository (the folder holding PlanExtract.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "corpus");

    public static string Gold => Path.Combine(AppContext.BaseDirectory, "Gold");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanExtract.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PlanExtract.sln not found above " + AppContext.BaseDirectory);
    }
}
