namespace PlanExtract.Text;

/// <summary>Reads Chinese numerals as written in plans: 一 … 九十九, 两, 〇/零, 百分之七十, 十五.</summary>
public static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    public static bool IsNumeralChar(char c) => Digits.Contains(c) || c is '〇' or '两' or '十' or '百' or '千' or '万';

    /// <summary>Parses a whole string of Chinese numerals (up to the thousands); null when it is not one.</summary>
    public static int? Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var total = 0;
        var current = -1;
        foreach (var c in text)
        {
            var digit = DigitOf(c);
            if (digit >= 0)
            {
                current = digit;
                continue;
            }

            var scale = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (scale == 0)
            {
                return null;
            }

            // 十五: a bare 十 means one ten.
            total += (current < 0 ? 1 : current) * scale;
            current = -1;
        }

        return total + Math.Max(current, 0);
    }

    private static int DigitOf(char c) => c switch
    {
        '〇' or '零' => 0,
        '两' => 2,
        _ => Digits.IndexOf(c),
    };
}
