using System.Text.Json;
using PlanExtract.Model;

namespace PlanExtract.Tests.Gold;

/// <summary>The segmented tree of every corpus document equals the hand-counted structure in Gold/structure/.</summary>
public sealed class StructureGoldTests(CorpusRun corpus) : IClassFixture<CorpusRun>
{
    public static TheoryData<string> StructureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Gold, "structure"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StructureFiles))]
    public void Tree_matches_the_hand_count(string file)
    {
        var parts = file.Split('.');
        var (id, planName) = (parts[0], parts[1]);
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Gold, "structure", file)));
        var document = corpus.Documents.Single(d => d.Document.Id == id).Plans;
        var plan = document.Plans.Single(p => p.Kind.ToContractName() == planName);

        Assert.Equal(gold.RootElement.GetProperty("title").GetString(), plan.Title);
        Assert.Equal(gold.RootElement.GetProperty("projects").GetInt32(), plan.Projects.Count);
        var expected = gold.RootElement.GetProperty("domains").EnumerateArray()
            .Select(d => $"{d.GetProperty("name").GetString()} goal={d.GetProperty("goal").GetInt32()} indicator={d.GetProperty("indicator").GetInt32()} measure={d.GetProperty("measure").GetInt32()}")
            .ToList();
        var actual = plan.Domains.Select(d =>
            $"{d.Name} goal={Count(d, s => s.Kind == SectionKind.Goal && !IsIndicatorList(s))} indicator={Count(d, IsIndicatorList)} measure={Count(d, s => s.Kind == SectionKind.Measure)}")
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Each_document_holds_the_plans_its_metadata_lists()
    {
        foreach (var (document, plans) in corpus.Documents)
        {
            Assert.Equal(
                document.Metadata.Plans.Select(p => p.Plan),
                plans.Plans.Select(p => p.Kind.ToContractName()));
        }
    }

    private static bool IsIndicatorList(Section s) => s.Kind == SectionKind.Goal && s.Heading.Contains("指标", StringComparison.Ordinal) && !s.Heading.Contains("目标", StringComparison.Ordinal);

    private static int Count(Domain d, Func<Section, bool> which) => d.Sections.Where(which).Sum(s => s.Items.Count);
}
