using PlanExtract.Corpus;

namespace PlanExtract.Tests.Segmentation;

/// <summary>A page of a plan with no title and no domain is read as far as it goes, and check says what was missing.</summary>
public sealed class FallbackTests
{
    [Fact]
    public void Items_outside_any_domain_still_give_targets_and_a_structure_warning()
    {
        // Specs/segmentation.md row 69 (m.taodocs.com, 辽宁省儿童发展规划(2001-2010年)): numbered
        // targets cut from the middle of the plan, no title, no heading.
        var row = SegmentationSpec.Read("segmentation.md").Single(r => r.Number == 69);
        var path = Path.Combine(Path.GetTempPath(), $"planextract-fallback-{Environment.ProcessId}.txt");
        File.WriteAllText(path, row.Text);
        try
        {
            var document = Pipeline.Default.Read(path);
            var plan = Assert.Single(document.Plans);
            var targets = document.AllTargets().ToList();
            Assert.Contains(targets, t => t.Domain is null && t.Section == "other" && t.Value == "98" && t.Unit == "%");

            var report = CorpusValidator.Validate(document);
            Assert.Contains(report.Findings, f => f.Severity == Severity.Warning && f.Message.Contains("structure not found: plan title, development domains", StringComparison.Ordinal));
            Assert.DoesNotContain(report.Findings, f => f.Severity == Severity.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
