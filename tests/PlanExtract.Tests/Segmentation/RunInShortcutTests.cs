using PlanExtract.Segmentation;
using PlanExtract.Tests.Text;

namespace PlanExtract.Tests.Segmentation;

/// <summary>
/// A line without a colon is cut by the boundary pattern less its after-colon branch (issue 18):
/// the two must find the same boundaries on such a line, and the full pattern must still cut after
/// a heading's colon.
/// </summary>
public sealed class RunInShortcutTests
{
    [Fact]
    public void Without_a_colon_both_patterns_find_the_same_boundaries()
    {
        // The colons taken out of run-in lines as well: many more lines with headings run into them.
        var lines = PlanText.Lines.Concat(PlanText.RunInLines.Select(l => l.Replace(':', '，').Replace('：', '，')))
            .Where(l => l.AsSpan().IndexOfAny(':', '：') < 0).ToList();
        Assert.True(lines.Count > 1000, $"only {lines.Count} lines without a colon to compare");
        var cut = 0;
        foreach (var line in lines)
        {
            var full = Boundaries(RunInSplitter.Boundary(), line);
            Assert.Equal(full, Boundaries(RunInSplitter.BoundaryWithoutColon(), line));
            cut += full.Count > 0 ? 1 : 0;
        }

        Assert.True(cut > 100, $"only {cut} lines had a boundary: the comparison says little");
    }

    [Theory]
    [InlineData("（一）妇女与健康。主要目标：1.孕产妇死亡率下降到8/10万以下。2.提高妇女常见病筛查率", new[] { 9, 14, 33 })]
    [InlineData("（一）妇女与健康主要目标：孕产妇死亡率下降到8/10万以下", new[] { 8 })]
    [InlineData("主要目标：孕产妇死亡率下降到8/10万以下", new[] { 5 })]
    public void Run_in_headings_are_cut_where_they_were(string line, int[] cuts) =>
        Assert.Equal(cuts, RunInSplitter.Cuts(PlanExtract.Text.CharFold.Fold(line)));

    private static List<(int, int)> Boundaries(System.Text.RegularExpressions.Regex pattern, string line)
    {
        var found = new List<(int, int)>();
        for (var m = pattern.Match(line); m.Success; m = m.NextMatch())
        {
            found.Add((m.Index, m.Groups["at"].Index));
        }

        return found;
    }
}
