using PlanExtract.Corpus;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Tests.Reporting;

/// <summary>
/// The tables' indexed shortcuts (parents by folder, measures aligned through bigram postings and
/// key groups) against the rules they replace, written out the slow way here.
/// </summary>
public sealed class TableScalingTests
{
    [Theory]
    [InlineData(PlanKind.Women)]
    [InlineData(PlanKind.Children)]
    public void Alignment_is_the_pairwise_rule_on_the_corpus(PlanKind plan)
    {
        foreach (var perDistrict in DomainsOf(CorpusResults.All, plan))
        {
            AssertSame(PairwiseAlign(perDistrict), MeasuresCoverage.Align(perDistrict));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Alignment_is_the_pairwise_rule_when_headings_name_their_district(int seed)
    {
        // Many districts copying the corpus's headings, some naming themselves (法治清远建设 as
        // 法治X建设), some rewording one character, some repeating a heading, some one character
        // long or empty: what makes keys rare, groups share profiles and rows collect variants.
        var random = new Random(seed);
        // One domain's districts copied over and over, so template bigrams are common and the
        // variants fall into shared key groups.
        var source = DomainsOf(CorpusResults.All, PlanKind.Women).ElementAt(seed).Where(m => m.Count > 0).ToList();
        const string names = "清远宝安荔浦桂林萍湘晋洛钦沅黟淳乐东";
        var perDistrict = new List<List<MeasureRef>>();
        for (var c = 0; c < 60; c++)
        {
            var name = $"{names[random.Next(names.Length)]}{names[random.Next(names.Length)]}";
            var measures = new List<MeasureRef>();
            foreach (var m in source[c % source.Count])
            {
                var heading = random.Next(6) switch
                {
                    0 => $"推进法治{name}建设",
                    1 when m.Heading.Length > 3 => m.Heading.Remove(random.Next(m.Heading.Length), 1),
                    2 => m.Heading.Insert(random.Next(m.Heading.Length), name),
                    _ => m.Heading,
                };
                measures.Add(m with { Heading = heading });
                if (random.Next(10) == 0)
                {
                    measures.Add(m);
                }
            }

            if (random.Next(4) == 0)
            {
                measures.Add(source[0][0] with { Heading = random.Next(2) == 0 ? "一" : "" });
            }

            perDistrict.Add(measures);
        }

        AssertSame(PairwiseAlign(perDistrict), MeasuresCoverage.Align(perDistrict));
    }

    [Fact]
    public void Parent_is_the_nearest_government_above_with_a_plan_of_the_same_kind()
    {
        var root = Path.Combine(Path.GetTempPath(), "planextract-parents");
        var results = new[]
        {
            Result(root, "省", PlanKind.Children),
            Result(root, "省/市", PlanKind.Women),
            Result(root, "省/市/区", PlanKind.Women),
            Result(root, "省/市/县/镇", PlanKind.Women),
            Result(root, "省/市2/区", PlanKind.Women),
            Result(root, "省/市/区2/", PlanKind.Women),
        };

        var columns = CrossTableBuilder.Columns(results, PlanKind.Women);

        // 市 is under 省, whose plan is a children's one: not compared with it (unlike plans), and the legend names 省 as passed over.
        Assert.Equal([null, "市", "市", null, "市"], columns.Select(c => c.Parent));
        Assert.Equal(["省", null, null, "省", null], columns.Select(c => c.PassedOver));
        Assert.Equal(columns, CrossTableBuilder.Build(results, PlanKind.Women, PlanExtract.Indicators.IndicatorCatalog.Empty).Districts);
    }

    [Theory]
    [InlineData(PlanKind.Women)]
    [InlineData(PlanKind.Children)]
    public void Columns_are_the_tables_districts(PlanKind plan) =>
        Assert.Equal(CrossTableBuilder.Build(CorpusResults.All, plan, CorpusResults.Catalog).Districts, CrossTableBuilder.Columns(CorpusResults.All, plan));

    private static DocumentResult Result(string root, string folder, PlanKind kind)
    {
        var path = Path.Combine(root, folder);
        var name = folder.TrimEnd('/').Split('/')[^1];
        var span = new SourceSpan("corpus/" + folder, 1, null);
        var document = new CorpusDocument(path, Path.Combine(path, "plans.txt"), "corpus/" + folder + "/plans.txt", new CorpusMetadata { DisplayName = name, File = "plans.txt" });
        return new DocumentResult(document, new PlanDocument(document.Source, name, [new Plan(kind, "规划", null, span, [], [], [])]), null);
    }

    private static IEnumerable<List<List<MeasureRef>>> DomainsOf(IReadOnlyList<DocumentResult> results, PlanKind plan)
    {
        var withPlan = results.Where(r => r.Plans is not null && r.Plans.Plans.Any(p => p.Kind == plan)).ToList();
        var domains = withPlan.SelectMany(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains).Select(d => d.Name)).Distinct();
        return domains.Select(domain => withPlan.Select(r => r.Plans!.Plans.Where(p => p.Kind == plan)
            .SelectMany(p => p.Domains).Where(d => d.Name == domain)
            .SelectMany(d => d.Sections).Where(s => s.Kind == SectionKind.Measure).SelectMany(s => s.Items)
            .Select(i => new MeasureRef(i.Number, MeasuresCoverage.Heading(i.Text), r.Document.FilePath, i.Span.Line, i.Span.Page)).ToList()).ToList());
    }

    // The rule as first written: every measure scored against every member of every row.
    private static List<AlignedMeasure> PairwiseAlign(IReadOnlyList<List<MeasureRef>> perDistrict)
    {
        var rows = new List<MeasureRef?[]>();
        for (var c = 0; c < perDistrict.Count; c++)
        {
            var pairs = new List<(double Score, int Measure, int Row)>();
            for (var m = 0; m < perDistrict[c].Count; m++)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var score = rows[r].Where(x => x is not null).Max(x => MeasuresCoverage.Score(x!.Heading, perDistrict[c][m].Heading));
                    if (score >= MeasuresCoverage.Threshold)
                    {
                        pairs.Add((score, m, r));
                    }
                }
            }

            var placed = new HashSet<int>();
            foreach (var (_, m, r) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Measure).ThenBy(p => p.Row))
            {
                if (!placed.Contains(m) && rows[r][c] is null)
                {
                    rows[r][c] = perDistrict[c][m];
                    placed.Add(m);
                }
            }

            for (var m = 0; m < perDistrict[c].Count; m++)
            {
                if (!placed.Contains(m))
                {
                    var row = new MeasureRef?[perDistrict.Count];
                    row[c] = perDistrict[c][m];
                    rows.Add(row);
                }
            }
        }

        return [.. rows.Select(r => new AlignedMeasure(r.First(x => x is not null)!.Heading, r))];
    }

    private static void AssertSame(List<AlignedMeasure> expected, List<AlignedMeasure> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Heading, actual[i].Heading);
            Assert.Equal(expected[i].Cells.Count, actual[i].Cells.Count);
            for (var c = 0; c < expected[i].Cells.Count; c++)
            {
                Assert.Same(expected[i].Cells[c], actual[i].Cells[c]);
            }
        }
    }
}
