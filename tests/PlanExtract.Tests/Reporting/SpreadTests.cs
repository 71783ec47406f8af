using System.Globalization;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Tests.Reporting;

/// <summary>The national summary's spread, written in loops, against its definition in LINQ.</summary>
public sealed class SpreadTests
{
    [Fact]
    public void Spread_in_loops_equals_the_definition_on_ties_units_and_signed_zeros()
    {
        var random = new Random(18);
        string[] values = ["0", "-0", "0.0", "95", "95.0", "90", "1.5", "-3", "1e2", "100", "NaN", "7"];
        string?[] units = ["%", "%", "%", "‰", null];
        string[] comparators = [">=", "<=", "<", ">", "=", "≈"];
        IndicatorDefinition?[] definitions = [null, new() { Id = "a", Better = "lower" }, new() { Id = "b", Better = "higher" }];
        for (var round = 0; round < 3000; round++)
        {
            var firsts = Enumerable.Range(0, random.Next(0, 12)).Select(c => (Column: c * 2 + random.Next(2), Value: Level(
                values[random.Next(values.Length)], units[random.Next(units.Length)], comparators[random.Next(comparators.Length)], c))).ToList();
            var definition = definitions[random.Next(definitions.Length)];
            var expected = Definition(firsts, definition);
            var actual = Spread.Of(firsts, definition);
            Assert.Equal(Shown(expected), Shown(actual));
        }
    }

    [Fact]
    public void Equal_levels_give_the_earlier_district_as_strictest_and_loosest()
    {
        List<(int, CellValue)> firsts = [(0, Level("90", "%", ">=", 0)), (1, Level("95", "%", ">=", 1)), (2, Level("95", "%", ">=", 2)), (3, Level("90", "%", ">=", 3))];
        var spread = Spread.Of(firsts, null)!;
        Assert.Equal((1, 0), (spread.Strictest.Column, spread.Loosest.Column));
        Assert.Equal((90d, 92.5, 95d), (spread.Min, spread.Median, spread.Max));
    }

    // What a summary prints of a spread, signs of zeros included.
    private static string Shown(Spread? s) => s is null ? "none"
        : string.Join("|", s.Unit, CountryTables.Number(s.Min), CountryTables.Number(s.Median), CountryTables.Number(s.Max), s.Strictest.Column, s.Strictest.Value.Text, s.Loosest.Column, s.Loosest.Value.Text);

    private static CellValue Level(string value, string? unit, string comparator, int line)
    {
        var target = new Target { Plan = "women", Section = "s", Indicator = "i", Comparator = comparator, Value = value, Unit = unit, Text = $"{comparator}{value}{unit}#{line}", Source = "corpus/x/plans.txt", Line = line };
        return new CellValue(target.Text, target.Source, "/x/plans.txt", line, null, null, null, [target]);
    }

    // The spread as it was first written: LINQ passes over the levels.
    private static Spread? Definition(IReadOnlyList<(int Column, CellValue Value)> firsts, IndicatorDefinition? definition)
    {
        var levels = firsts.Select(f => (f.Column, f.Value, Number: double.Parse(f.Value.Target.Value!, NumberStyles.Float, CultureInfo.InvariantCulture))).ToList();
        if (levels.Count == 0)
        {
            return null;
        }

        var unit = levels.GroupBy(l => l.Value.Target.Unit).OrderByDescending(g => g.Count()).First().Key;
        var same = levels.Where(l => l.Value.Target.Unit == unit).ToList();
        var sorted = same.Select(l => l.Number).Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var lowerIsBetter = definition?.Better is not null
            ? definition.LowerIsBetter
            : same.Count(l => l.Value.Target.Comparator is "<=" or "<") * 2 > same.Count;
        var lowest = same.MinBy(l => l.Number);
        var highest = same.MaxBy(l => l.Number);
        var (strictest, loosest) = lowerIsBetter ? (lowest, highest) : (highest, lowest);
        return new Spread(unit, sorted[0], median, sorted[^1], (strictest.Column, strictest.Value), (loosest.Column, loosest.Value));
    }
}
