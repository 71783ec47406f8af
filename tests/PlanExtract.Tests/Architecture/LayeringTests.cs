using System.Text.RegularExpressions;

namespace PlanExtract.Tests.Architecture;

/// <summary>
/// The rooms of src/PlanExtract and the arrows between them, one way (docs/ARCHITECTURE.md):
/// Model, Text ← Reading, Segmentation, Extraction, Indicators ← Corpus ← Indexing, Reporting ← Build.
/// A room uses rooms of a lower rank only; rooms of one rank do not use each other.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Dictionary<string, int> Rank = new(StringComparer.Ordinal)
    {
        ["Model"] = 0,
        ["Text"] = 0,
        ["Reading"] = 1,
        ["Segmentation"] = 1,
        ["Extraction"] = 1,
        ["Indicators"] = 1,
        ["Corpus"] = 2,
        ["Indexing"] = 3,
        ["Reporting"] = 3,
        ["Build"] = 4,
    };

    [Fact]
    public void Every_room_of_the_library_uses_only_rooms_below_it()
    {
        var library = Path.Combine(RepoPaths.Root, "src", "PlanExtract");
        var files = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var wrong = files.SelectMany(f => Violations(File.ReadAllText(f)).Select(v => $"{Path.GetRelativePath(library, f)}: {v}")).ToList();
        Assert.True(wrong.Count == 0, "namespaces used against the layering:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_library_namespace_is_a_known_room()
    {
        var library = Path.Combine(RepoPaths.Root, "src", "PlanExtract");
        var rooms = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Select(f => RoomOf(File.ReadAllText(f)))
            .Where(r => r is not null)
            .Distinct()
            .ToList();
        Assert.All(rooms, r => Assert.True(Rank.ContainsKey(r!), $"namespace PlanExtract.{r} has no place in the layering"));
    }

    // The old cycles, as the code held them before the move: the scanner must see each of them.
    [Theory]
    [InlineData("namespace PlanExtract.Reporting;\npublic static class JsonOutput { public static void WriteHits(Stream stream, Indexing.SearchResult result) { } }", "Indexing")]
    [InlineData("using PlanExtract.Indexing;\nusing PlanExtract.Model;\n\nnamespace PlanExtract.Corpus;\n", "Indexing")]
    [InlineData("using PlanExtract.Reporting;\n\nnamespace PlanExtract.Corpus;\n", "Reporting")]
    [InlineData("namespace PlanExtract.Indicators;\nsealed class X { PlanExtract.Extraction.Quantity? q; }", "Extraction")]
    public void The_scanner_finds_a_wrong_reference(string source, string used)
    {
        Assert.Contains(Violations(source), v => v.EndsWith("uses " + used, StringComparison.Ordinal));
    }

    [Fact]
    public void The_scanner_lets_a_room_use_the_rooms_below_it()
    {
        const string source = "using PlanExtract.Corpus;\nusing PlanExtract.Model;\n\nnamespace PlanExtract.Reporting;\n// Indexing.SearchResult in a comment is no use.\nsealed class X { Model.PlanKind k; string s = item.Text.Trim(); }";
        Assert.Empty(Violations(source));
    }

    private static IEnumerable<string> Violations(string source)
    {
        if (RoomOf(source) is not { } room || !Rank.TryGetValue(room, out var rank))
        {
            yield break;
        }

        var code = LineComment().Replace(source, string.Empty);
        var used = Qualified().Matches(code).Select(m => m.Groups[1].Value)
            .Concat(Relative().Matches(code).Select(m => m.Groups[1].Value))
            .Where(r => r != room && Rank.ContainsKey(r))
            .Distinct();
        foreach (var other in used.Where(r => Rank[r] >= rank))
        {
            yield return $"{room} uses {other}";
        }
    }

    private static string? RoomOf(string source) => Namespace().Match(source) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace PlanExtract\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bPlanExtract\.(\w+)")]
    private static partial Regex Qualified();

    // Inside namespace PlanExtract.X a sibling room is named without the prefix (Indexing.SearchResult);
    // a member access (item.Text) is preceded by a dot or a name, and is not a room.
    [GeneratedRegex(@"(?<![\w.])(\w+)\.[A-Z]")]
    private static partial Regex Relative();
}
