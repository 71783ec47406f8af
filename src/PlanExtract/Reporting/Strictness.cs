using System.Globalization;
using PlanExtract.Indicators;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>
/// Stricter / same / looser between two targets of one indicator. Only like with like: both with a
/// number in the same unit, or both a bare direction; anything else ("≥90%" against "↑") has no mark.
/// </summary>
public static class StrictnessRule
{
    public static Strictness? Compare(Target target, Target other, IndicatorDefinition? indicator) =>
        Compare(target.Comparator, target.Value, target.Unit, other.Comparator, other.Value, other.Unit, indicator);

    public static Strictness? Compare(Target target, ReferenceValue reference, IndicatorDefinition indicator) =>
        Compare(target.Comparator, target.Value, target.Unit, reference.Comparator, reference.Value, reference.Unit, indicator);

    public static Strictness? Compare(string comparator, string? value, string? unit, string otherComparator, string? otherValue, string? otherUnit, IndicatorDefinition? indicator)
    {
        if (comparator is "up" or "down" || otherComparator is "up" or "down")
        {
            return comparator == otherComparator ? Strictness.Same : null;
        }

        var relative = comparator is "up_by" or "down_by";
        if (relative != otherComparator is "up_by" or "down_by" || (relative && comparator != otherComparator))
        {
            return null;
        }

        // A count grows with the population: 清城区's "母婴室65家以上" is not looser than 清远市's 350.
        if (!string.Equals(unit, otherUnit, StringComparison.Ordinal) || UnitFamily.Of(unit) == "count"
            || !TryNumber(value, out var a) || !TryNumber(otherValue, out var b))
        {
            return null;
        }

        if (a == b)
        {
            return Strictness.Same;
        }

        // A relative change (下降20%, 提高0.5个百分点) is stricter the larger it is; an absolute level
        // by the indicator's direction, else by the one its comparator implies (以下 caps a bad
        // thing, 以上 floors a good one).
        if (relative)
        {
            return a > b ? Strictness.Stricter : Strictness.Looser;
        }

        var lowerIsBetter = indicator?.Better is { } better ? better == "lower" : comparator is "<=" or "<";
        return (a < b) == lowerIsBetter ? Strictness.Stricter : Strictness.Looser;
    }

    private static bool TryNumber(string? text, out double value)
    {
        value = 0;
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
