using System.Globalization;
using PlanExtract.Indicators;
using PlanExtract.Tests.Reporting;
using Xunit.Abstractions;

namespace PlanExtract.Tests.Indicators;

/// <summary>
/// Where the similarity threshold comes from. Each distinct written indicator of the corpus is
/// matched again with its own writing (every catalog form normalising like it) left out, so only
/// the fallback can place it: an indicator written another way elsewhere should still be found,
/// one written only this way should stay unmatched. The table prints right, wrong (a wrong
/// indicator, or a match where none should be) and missed per threshold.
/// Run with <c>--logger "console;verbosity=detailed"</c> to see it.
/// </summary>
public sealed class IndicatorThresholdMeasurement(ITestOutputHelper output)
{
    internal sealed record Trial(string Written, string? Expected, string? Best, double Score);

    internal static IReadOnlyList<Trial> LeaveOneOut()
    {
        var matcher = new IndicatorMatcher(CorpusResults.Catalog);
        var normalizer = matcher.Normalizer;
        var forms = CorpusResults.Catalog.Indicators
            .SelectMany(i => i.Aliases.Prepend(i.Id).Select(n => (Form: normalizer.Normalize(n), Indicator: i)))
            .DistinctBy(f => (f.Form, f.Indicator.Id))
            .ToList();
        var written = CorpusResults.Targets
            .GroupBy(t => normalizer.Normalize(t.Indicator), StringComparer.Ordinal)
            .Select(g => (Normalized: g.Key, Target: g.First()));
        var trials = new List<Trial>();
        foreach (var (normalized, target) in written)
        {
            var label = matcher.Match(target.Indicator, target.Unit).Id;
            var rest = forms.Where(f => f.Form != normalized).ToList();
            var expected = label is not null && rest.Any(f => f.Indicator.Id == label) ? label : null;
            var best = rest.Where(f => UnitFamily.Compatible(target.Unit, f.Indicator.Unit) && Edits.OnlyAddsOrDrops(normalized, f.Form))
                .Select(f => (f.Indicator.Id, Score: Similarity.Dice(normalized, f.Form)))
                .OrderByDescending(f => f.Score).FirstOrDefault();
            trials.Add(new Trial(target.Indicator, expected, best.Id, best.Score));
        }

        return trials;
    }

    internal static (int Right, int Wrong, int Missed) Score(IReadOnlyList<Trial> trials, double threshold)
    {
        int right = 0, wrong = 0, missed = 0;
        foreach (var t in trials)
        {
            var predicted = t.Score >= threshold ? t.Best : null;
            if (predicted == t.Expected)
            {
                right += t.Expected is null ? 0 : 1;
            }
            else if (predicted is null)
            {
                missed++;
            }
            else
            {
                wrong++;
            }
        }

        return (right, wrong, missed);
    }

    [Fact]
    public void Threshold_measured_on_the_corpus()
    {
        var trials = LeaveOneOut();
        output.WriteLine($"{trials.Count} distinct written indicators; {trials.Count(t => t.Expected is not null)} written another way elsewhere in the catalog, {trials.Count(t => t.Expected is null)} only this way");
        output.WriteLine("threshold  right  wrong  missed");
        for (var step = 0; step <= 9; step++)
        {
            var threshold = Math.Round(0.50 + (step * 0.05), 2);
            var (right, wrong, missed) = Score(trials, threshold);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{threshold,9:0.00}  {right,5}  {wrong,5}  {missed,6}"));
        }

        foreach (var t in trials.Where(t => t.Score >= 0.6).OrderByDescending(t => t.Score))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Score:0.000}  {t.Written} → {t.Best}  (expected {t.Expected ?? "none"})"));
        }

        var (rightAtDefault, wrongAtDefault, _) = Score(trials, IndicatorMatcher.DefaultThreshold);
        Assert.Equal(0, wrongAtDefault);
        Assert.True(rightAtDefault >= 22, $"{rightAtDefault} found at the default threshold");
    }
}
