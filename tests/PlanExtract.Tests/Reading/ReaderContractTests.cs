using PlanExtract.Model;
using PlanExtract.Tests.Gold;

namespace PlanExtract.Tests.Reading;

/// <summary>
/// The same plan read from .txt, .docx and .pdf gives the same tree and the same targets:
/// one contract for every reader, run on the real conversions in Fixtures/.
/// </summary>
public sealed class ReaderContractTests
{
    private const string Qingcheng = "广东省/清远市/清城区";
    private const string Lipu = "广西壮族自治区/桂林市/荔浦市";
    private const string Qingyuan = "广东省/清远市";
    private const string Baoan = "广东省/深圳市/宝安区";

    public static TheoryData<string, string> Fixtures => new()
    {
        { "000.lo.pdf", Qingcheng },
        { "002.pandoc.docx", Lipu },
        { "003.pandoc.docx", Qingyuan },
        { "003.cnnum.docx", Qingyuan },
        { "003.lo.pdf", Qingyuan },
        { "003.chromium.pdf", Qingyuan },
        { "004.pandoc.docx", Baoan },
        { "004.lo.pdf", Baoan },
        { "004.chromium.pdf", Baoan },
        { "003.chromium-narrow.pdf", Qingyuan }, // 105×148 mm page: titles and headings wrap, every 清 is glyph 0
        { "004.chromium-narrow.pdf", Baoan },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_the_same_tree_as_the_text(string fixture, string corpusFolder)
    {
        var expected = Pipeline.Default.Read(TestPaths.CorpusPlan(corpusFolder));
        var actual = Pipeline.Default.Read(TestPaths.Fixture(fixture));

        Assert.NotEmpty(expected.Plans);
        Assert.Equal(Outline(expected), Outline(actual));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_the_same_targets_as_the_text(string fixture, string corpusFolder)
    {
        var expected = TargetKeys(Pipeline.Default.Read(TestPaths.CorpusPlan(corpusFolder)));
        var actual = TargetKeys(Pipeline.Default.Read(TestPaths.Fixture(fixture)));

        Assert.True(expected.Count > 50, $"the text of {corpusFolder} gave only {expected.Count} targets");
        var (tp, fp, fn) = TargetScorerTests.Compare(actual, expected);
        var score = Score.Of(tp, fp, fn);
        Assert.True(score.F1 >= 0.97, $"target F1 {score.F1:F3} (text {expected.Count}, {fixture} {actual.Count}, {fp} only in the fixture, {fn} only in the text)");
    }

    /// <summary>One line per node: plans with titles, sections and domains with item counts, project count.</summary>
    private static List<string> Outline(PlanDocument document)
    {
        var lines = new List<string>();
        foreach (var plan in document.Plans)
        {
            lines.Add($"plan {plan.Kind} {plan.Title} projects={plan.Projects.Count}");
            lines.AddRange(plan.Sections.Select(s => $"  section {s.Kind} {s.Heading} items={s.Items.Count}"));
            foreach (var domain in plan.Domains)
            {
                lines.Add($"  domain {domain.Name}");
                lines.AddRange(domain.Sections.Select(s => $"    section {s.Kind} {s.Heading} items={s.Items.Count}"));
            }
        }

        return lines;
    }

    private static List<string> TargetKeys(PlanDocument document) => [.. document.AllTargets().Select(TargetScorerTests.Key)];
}
