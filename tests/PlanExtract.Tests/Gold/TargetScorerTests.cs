using System.Text.Json;
using PlanExtract.Model;
using PlanExtract.Text;
using Xunit.Abstractions;

namespace PlanExtract.Tests.Gold;

/// <summary>
/// Scores extraction against the hand-made gold records (Gold/targets/*.jsonl): strict matching on
/// plan, domain, indicator, comparator, value and unit. Prints precision, recall and F1 per document.
/// </summary>
public sealed class TargetScorerTests(CorpusRun corpus, ITestOutputHelper output) : IClassFixture<CorpusRun>
{
    private const double Bar = 0.97;

    [Fact]
    public void Every_document_scores_at_least_the_bar()
    {
        int allTp = 0, allFp = 0, allFn = 0;
        var below = new List<string>();
        foreach (var (document, plans) in corpus.Documents)
        {
            var gold = GoldRecords(document.Id);
            Assert.True(gold.Count > 0, $"no gold records for {document.Id}");
            var predicted = plans.AllTargets().Select(Key).ToList();
            var (tp, fp, fn) = Compare(predicted, gold.Select(Key).ToList());
            allTp += tp;
            allFp += fp;
            allFn += fn;
            var score = Score.Of(tp, fp, fn);
            output.WriteLine($"{document.Id,-32} P={score.Precision:F3} R={score.Recall:F3} F1={score.F1:F3} (tp {tp}, fp {fp}, fn {fn})");
            if (score.F1 < Bar)
            {
                below.Add($"{document.Id} F1={score.F1:F3}");
            }
        }

        var total = Score.Of(allTp, allFp, allFn);
        output.WriteLine($"{"all",-32} P={total.Precision:F3} R={total.Recall:F3} F1={total.F1:F3}");
        Assert.True(below.Count == 0 && total.F1 >= Bar, "below the bar: " + string.Join(", ", below) + $" (all F1={total.F1:F3})");
    }

    [Fact]
    public void No_rejected_number_becomes_a_target()
    {
        // Past statistics, dates, periods, document numbers and ordinals a human looked at and rejected.
        var never = new HashSet<string>(StringComparer.Ordinal) { "past", "date", "year", "period", "docno", "ordinal", "item-number" };
        var leaks = new List<string>();
        foreach (var (document, plans) in corpus.Documents)
        {
            var rejected = Directory.EnumerateFiles(Path.Combine(RepoPaths.Gold, "targets"), document.Id + ".*.rejected.tsv")
                .SelectMany(File.ReadLines)
                .Select(l => l.Split('\t'))
                .Where(c => c.Length >= 3 && int.TryParse(c[0], out _) && never.Contains(c[2].Split(':')[0].Trim()))
                .Select(c => (Line: int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture), Number: c[1]))
                .ToList();
            Assert.NotEmpty(rejected);
            foreach (var target in plans.AllTargets())
            {
                if (target.Value is { } value && rejected.Any(r => r.Line == target.Line && CharFold.Fold(r.Number).Replace(" ", string.Empty, StringComparison.Ordinal) == value))
                {
                    leaks.Add($"{document.Id}:{target.Line} {target.Indicator} {target.Value}");
                }
            }
        }

        Assert.True(leaks.Count == 0, "rejected numbers extracted: " + string.Join("; ", leaks));
    }

    [Fact]
    public void Comparison_counts_a_repeated_record_once_per_occurrence()
    {
        Assert.Equal((1, 1, 0), Compare(["a", "a"], ["a"]));
        Assert.Equal((1, 0, 1), Compare(["a"], ["a", "a"]));
        Assert.Equal((0, 1, 1), Compare(["a"], ["b"]));
        Assert.Equal(1.0, Score.Of(0, 0, 0).F1);
        Assert.Equal(2.0 / 3, Score.Of(1, 1, 0).F1, 6);
    }

    internal static List<Target> GoldRecords(string id) =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Gold, "targets"), id + ".*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(l => l.Trim().Length > 0)
            .Select(ParseGold)];

    private static Target ParseGold(string line)
    {
        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        string? S(string name) => r.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return new Target
        {
            Plan = S("plan")!,
            Domain = S("domain"),
            Section = S("section")!,
            Item = S("item"),
            Indicator = S("indicator")!,
            Comparator = S("comparator")!,
            Value = S("value"),
            Unit = S("unit"),
            Text = S("text") ?? string.Empty,
            Source = "gold",
            Line = r.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null,
        };
    }

    internal static string Key(Target t) => string.Join(
        '\u241F',
        t.Plan,
        t.Domain ?? "∅",
        CharFold.Fold(t.Indicator).Replace(" ", string.Empty, StringComparison.Ordinal),
        t.Comparator,
        t.Value ?? "∅",
        t.Unit ?? "∅");

    /// <summary>Multiset comparison: a record repeated in the text must be found as often.</summary>
    internal static (int Tp, int Fp, int Fn) Compare(IReadOnlyList<string> predicted, IReadOnlyList<string> gold)
    {
        var remaining = gold.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var tp = 0;
        foreach (var key in predicted)
        {
            if (remaining.TryGetValue(key, out var n) && n > 0)
            {
                remaining[key] = n - 1;
                tp++;
            }
        }

        return (tp, predicted.Count - tp, gold.Count - tp);
    }
}

internal readonly record struct Score(double Precision, double Recall, double F1)
{
    public static Score Of(int tp, int fp, int fn)
    {
        var p = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var r = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
