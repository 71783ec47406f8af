using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanExtract.Indexing;

/// <summary>
/// A range of target values as people write it on a command line: <c>5..10</c>, <c>&lt;=10</c>,
/// <c>&gt;=95</c>, <c>&lt;8</c>, or one number. Bounds left null are open.
/// </summary>
public sealed partial record ValueRange(double? Min, double? Max, bool MinInclusive = true, bool MaxInclusive = true)
{
    public bool Contains(double value) =>
        (Min is not { } min || (MinInclusive ? value >= min : value > min))
        && (Max is not { } max || (MaxInclusive ? value <= max : value < max));

    /// <summary>The range <paramref name="text"/> writes, or null when it is not one.</summary>
    public static ValueRange? Parse(string text)
    {
        var t = text.Trim().Replace("≤", "<=", StringComparison.Ordinal).Replace("≥", ">=", StringComparison.Ordinal);
        if (Between().Match(t) is { Success: true } between)
        {
            // Each side is a number or left open ("..10", "5.."), never anything else.
            var (fromText, toText) = (between.Groups[1].Value.Trim(), between.Groups[2].Value.Trim());
            var from = Number(fromText);
            var to = Number(toText);
            return (from is null && fromText.Length > 0) || (to is null && toText.Length > 0) || (from is null && to is null) ? null : new ValueRange(from, to);
        }

        if (Compared().Match(t) is { Success: true } compared && Number(compared.Groups[2].Value) is { } bound)
        {
            var inclusive = compared.Groups[1].Value.Length == 2 || compared.Groups[1].Value == "=";
            return compared.Groups[1].Value[0] switch
            {
                '<' => new ValueRange(null, bound, MaxInclusive: inclusive),
                '>' => new ValueRange(bound, null, MinInclusive: inclusive),
                _ => new ValueRange(bound, bound),
            };
        }

        return Number(t) is { } exact ? new ValueRange(exact, exact) : null;
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;

    [GeneratedRegex(@"^([^.]*(?:\.\d+)?)\s*\.\.\s*(.*)$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^(<=|>=|<|>|=)\s*(.+)$")]
    private static partial Regex Compared();
}
