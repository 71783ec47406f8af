using System.Xml.Linq;

namespace PlanExtract.Tests.Architecture;

/// <summary>
/// The callers sit above the library (docs/ARCHITECTURE.md): the library never names the CLI, the
/// bench harness or the web view, and the web view uses the library only, not the command line.
/// </summary>
public sealed class CallerLayeringTests
{
    private static readonly string[] Callers = ["PlanExtract.Cli", "PlanExtract.Benchmarking", "PlanExtract.Web"];

    [Fact]
    public void The_library_never_uses_a_caller()
    {
        var library = Path.Combine(RepoPaths.Root, "src", "PlanExtract");
        var wrong = SourceFiles(library)
            .SelectMany(f => Callers.Where(c => File.ReadAllText(f).Contains(c, StringComparison.Ordinal)).Select(c => $"{Path.GetRelativePath(library, f)} uses {c}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Empty(ProjectReferences(Path.Combine(library, "PlanExtract.csproj")));
    }

    [Fact]
    public void The_web_view_uses_the_library_and_not_the_command_line()
    {
        var web = Path.Combine(RepoPaths.Root, "src", "PlanExtract.Web");
        Assert.Equal(["PlanExtract.csproj"], ProjectReferences(Path.Combine(web, "PlanExtract.Web.csproj")));
        Assert.DoesNotContain(SourceFiles(web), f => File.ReadAllText(f).Contains("PlanExtract.Cli", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static List<string> ProjectReferences(string project) =>
        [.. XDocument.Load(project).Descendants("ProjectReference").Select(r => Path.GetFileName(r.Attribute("Include")!.Value.Replace('\\', '/')))];
}
