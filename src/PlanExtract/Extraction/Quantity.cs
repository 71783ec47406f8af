using System.Globalization;
using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Extraction;

/// <summary>A number with its unit, as found in a clause: "8/10 万" → 8, "1/10万".</summary>
/// <param name="Start">Offset of the number in the clause.</param>
/// <param name="End">Offset just past the unit.</param>
public sealed record Quantity(string Value, string? Unit, int Start, int End)
{
    public bool IsRatio { get; init; }

    /// <summary>"1—2个": the lower end is the value; the commitment is at least that.</summary>
    public bool IsRange { get; init; }
}

/// <summary>
/// Reads numbers the way plans write them: Arabic digits with or without spaces ("70% 以上",
/// "8/10 万"), full-width digits (folded before this), 百分之七十, and Chinese numerals with a
/// counter (一所, 两个, 十五分钟). A Chinese numeral without a counter is never a quantity.
/// </summary>
public static partial class QuantityReader
{
    /// <summary>Reads the quantity starting at <paramref name="at"/> (spaces skipped), or null.</summary>
    public static Quantity? ReadAt(string folded, int at)
    {
        // Callers try every position of a clause (ServiceRadiusRule); most hold no number, and this
        // says so without starting the pattern.
        if (at < folded.Length && !CanStart(folded[at]))
        {
            return null;
        }

        var m = QuantityPattern().Match(folded, at);
        if (!m.Success || m.Index != at)
        {
            return null;
        }

        string? value;
        if (m.Groups["percentOf"].Success)
        {
            value = ChineseNumber.Parse(m.Groups["percentOf"].Value)?.ToString(CultureInfo.InvariantCulture);
            return value is null ? null : new Quantity(value, "%", m.Groups["percentOf"].Index - 3, m.Index + m.Length);
        }

        value = m.Groups["arabic"].Success
            ? RemoveSpaces(m.Groups["arabic"].Value)
            : m.Groups["half"].Success ? "0.5" : ChineseNumber.Parse(m.Groups["chinese"].Value)?.ToString(CultureInfo.InvariantCulture);
        if (value is null)
        {
            return null;
        }

        var unit = m.Groups["unit"].Success ? NormalizeUnit(m.Groups["unit"].Value) : null;

        // 打造一支…队伍, 一批…: here 一 is an article, not a count.
        if (m.Groups["chinese"].Value == "一" && unit is "支" or "批")
        {
            return null;
        }

        // 女厕位与男厕位的比例不小于1.5:1: a ratio is a value without a unit.
        if (m.Groups["arabic"].Success && unit is null && Ratio().Match(folded, m.Index + m.Length) is { Success: true } ratio)
        {
            return new Quantity(value + ":" + ratio.Groups[1].Value, null, m.Groups["arabic"].Index, m.Index + m.Length + ratio.Length) { IsRatio = true };
        }
        if (unit is null && !m.Groups["arabic"].Success)
        {
            return null;
        }

        var start = m.Groups["arabic"].Success ? m.Groups["arabic"].Index
            : m.Groups["half"].Success ? m.Groups["half"].Index : m.Groups["chinese"].Index;
        return new Quantity(value, unit, start, m.Index + m.Length) { IsRange = m.Groups["upper"].Success };
    }

    /// <summary>All quantities with a unit in a clause, left to right.</summary>
    public static IEnumerable<Quantity> FindAll(string folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsDigit(folded[i]) && !ChineseNumber.IsNumeralChar(folded[i]) && folded[i] != '半')
            {
                continue;
            }

            if (ReadAt(folded, i) is { Unit: not null } q)
            {
                yield return q;
                i = q.End - 1;
            }
        }
    }

    /// <summary>
    /// What <see cref="QuantityPattern"/> can start with, a superset of its branches' first characters:
    /// the spaces it skips, a digit, 百 (百分之), 半, or a Chinese numeral.
    /// </summary>
    internal static bool CanStart(char c) => char.IsWhiteSpace(c) || char.IsDigit(c) || c == '半' || ChineseNumber.IsNumeralChar(c);

    public static string NormalizeUnit(string unit)
    {
        var u = RemoveSpaces(unit);
        return u switch
        {
            "/10万" => "1/10万",
            "/万" => "1/万",
            _ when u.StartsWith("/10万活产", StringComparison.Ordinal) => "1/10万活产",
            _ => u,
        };
    }

    private static string RemoveSpaces(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"\G\s*[:：]\s*(\d+)")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"\G\s*(?:百分之(?<percentOf>[零一二三四五六七八九十百]+)|(?<arabic>" + Vocabulary.ArabicNumber + @")(?:\s*[—–~-]\s*(?<upper>\d+(?:\.\d+)?)(?=\s*(?:" + Vocabulary.Units + @")))?\s*(?<unit>" + Vocabulary.Units + @")?|(?<half>半)(?<unit>小时)|(?<chinese>" + Vocabulary.ChineseDigit + @"{1,4})\s*(?<unit>" + Vocabulary.Counters + "))")]
    internal static partial Regex QuantityPattern();
}
