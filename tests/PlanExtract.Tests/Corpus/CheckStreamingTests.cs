using PlanExtract.Benchmarking;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary>
/// check keeps each document's report, not its tree; the reports must be those that validating
/// the whole trees against the corpus's norms gives.
/// </summary>
public sealed class CheckStreamingTests
{
    [Fact]
    public void The_streamed_reports_equal_validating_the_whole_trees()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "corpus");
        new CorpusSynthesizer(new CorpusLayout(RepoPaths.Corpus)).WriteCorpus(root, 7);
        foreach (var corpus in new[] { new CorpusLayout(RepoPaths.Corpus), new CorpusLayout(root) })
        {
            var pipeline = Pipeline.ForCorpus(corpus.Root);
            var trees = new CorpusReader(pipeline).ReadAll(corpus);
            // The norms as check makes them, from each plan's summary; each summary counts its domain's targets in the tree.
            var plans = trees.Where(r => r.Plans is not null).Select(r => (Tree: r.Plans!, Report: CorpusValidator.Validate(r.Plans!, DomainNorms.None, pipeline.Indicators))).ToList();
            foreach (var (tree, report) in plans)
            {
                Assert.Equal(
                    tree.Plans.SelectMany(p => p.Domains.Select(d => (p.Kind, d.Name, d.Sections.Sum(s => s.Items.Sum(i => i.Targets.Count))))),
                    report.Plans.SelectMany(p => p.Domains.Select(d => (p.Kind, d.Name, d.Targets))));
            }

            var norms = DomainNorms.Of(plans.SelectMany(p => p.Report.Plans));
            var summary = CorpusCheck.Run(corpus);

            Assert.Equal(trees.Count, summary.Documents.Count);
            Assert.Equal(trees.Sum(r => r.Plans?.AllTargets().Count() ?? 0), summary.Targets);
            for (var i = 0; i < trees.Count; i++)
            {
                var expected = CorpusValidator.Validate(trees[i].Plans!, norms, pipeline.Indicators);
                var actual = summary.Documents[i].Report!;
                Assert.Null(summary.Documents[i].Result.Plans);
                Assert.Equal(trees[i].Document.Source, summary.Documents[i].Result.Document.Source);
                Assert.Equal(expected.Plans.Select(p => (p.Kind, p.Title, p.Projects, string.Join(",", p.Domains))), actual.Plans.Select(p => (p.Kind, p.Title, p.Projects, string.Join(",", p.Domains))));
                // The gazetteer's findings come first in check's report; the template's follow in the validator's order.
                Assert.Equal(expected.Findings, actual.Findings.Skip(actual.Findings.Count - expected.Findings.Count));
                Assert.Equal(expected.UnattachedNumbers, actual.UnattachedNumbers);
                Assert.Equal(expected.UnknownIndicators, actual.UnknownIndicators);
            }
        }
    }

    [Fact]
    public void A_domain_far_below_the_corpus_median_is_warned_from_the_summaries()
    {
        // 荔浦市 sets one target in 妇女与家庭建设, the other women's plans a median of 7.
        var summary = CorpusCheck.Run(new CorpusLayout(RepoPaths.Corpus));
        var lipu = summary.Documents.Single(d => d.Result.Document.Metadata.DisplayName == "桂林市荔浦市").Report!;
        Assert.Contains(new Finding(Severity.Warning, "荔浦市妇女发展规划（2021-2030年） / 妇女与家庭建设: 1 targets, women plans set 7 there (median)"), lipu.Findings);
        Assert.Equal(1, summary.Warnings);
    }
}
