using System.Globalization;
using PlanExtract.Model;

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

        // Both empty (no extractor yet) is agreement; once targets appear, they must match.
        var score = StrictF1(expected, actual);
        Assert.True(score >= 0.97, $"target F1 {score:F3} (text {expected.Count}, {fixture} {actual.Count}); "
            + $"only in text: {string.Join("; ", Missing(expected, actual).Take(5))}; "
            + $"only in {fixture}: {string.Join("; ", Missing(actual, expected).Take(5))}");
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

    private static List<string> TargetKeys(PlanDocument document) =>
        [.. document.AllTargets().Select(t => string.Join(" | ", t.Plan, t.Domain, t.Indicator, t.Comparator, t.Value, t.Unit))];

    /// <summary>F1 over multisets: a target counts as found as many times as it occurs on both sides.</summary>
    internal static double StrictF1(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        if (expected.Count == 0 && actual.Count == 0)
        {
            return 1;
        }

        var counts = expected.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var matched = 0;
        foreach (var key in actual)
        {
            if (counts.TryGetValue(key, out var left) && left > 0)
            {
                counts[key] = left - 1;
                matched++;
            }
        }

        return 2.0 * matched / (expected.Count + actual.Count);
    }

    private static IEnumerable<string> Missing(IReadOnlyList<string> from, IReadOnlyList<string> other)
    {
        var counts = other.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var key in from)
        {
            if (counts.TryGetValue(key, out var left) && left > 0)
            {
                counts[key] = left - 1;
            }
            else
            {
                yield return key.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    [Fact]
    public void Strict_f1_counts_duplicates_once_each()
    {
        Assert.Equal(1, StrictF1([], []));
        Assert.Equal(0, StrictF1(["a"], []));
        Assert.Equal(2.0 * 1 / 3, StrictF1(["a", "a"], ["a"]), 6);
    }
}
