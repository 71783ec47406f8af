using System.Globalization;
using System.Text;

namespace PlanExtract.Reading.Docx;

/// <summary>
/// Renders one list counter in a Word number format (w:numFmt): "3", "三", "丙", "③", "C", "iii".
/// Plans number their parts 一、 and （一） with chineseCounting and their items 1. or ①.
/// </summary>
internal static class NumberFormat
{
    private const string ChineseDigits = "〇一二三四五六七八九";
    private const string LegalDigits = "零壹贰叁肆伍陆柒捌玖";
    private const string HeavenlyStems = "甲乙丙丁戊己庚辛壬癸";

    /// <summary>Formats that show no number: the paragraph keeps only its own text.</summary>
    public static bool ShowsNoNumber(string format) => format is "bullet" or "none";

    /// <param name="value">The counter: a long, since a list may start at int.MaxValue and count on.</param>
    /// <param name="maxChars">The longest number shown; letters repeat, and a list starting at 2e9 would repeat one 77 million times.</param>
    public static string Format(long value, string format, int maxChars) => format switch
    {
        "decimal" => Decimal(value),
        "decimalZero" => value is >= 0 and < 10 ? "0" + Decimal(value) : Decimal(value),
        "decimalFullWidth" or "decimalFullWidth2" => FullWidth(Decimal(value)),
        "decimalEnclosedCircle" or "decimalEnclosedCircleChinese" => Enclosed(value, '①', 20),
        "decimalEnclosedParen" => Enclosed(value, '⑴', 20),
        "decimalEnclosedFullstop" => Enclosed(value, '⒈', 20),
        "chineseCounting" or "japaneseCounting" or "taiwaneseCounting" => value is > 0 and < 100 ? ChineseCounting(value) : Digits(value, ChineseDigits),
        "chineseCountingThousand" or "japaneseDigitalTenThousand" or "taiwaneseCountingThousand" => ChineseCounting(value),
        "chineseLegalSimplified" => Legal(value),
        "ideographDigital" or "taiwaneseDigital" => Digits(value, ChineseDigits),
        "ideographTraditional" => value is >= 1 and <= 10 ? HeavenlyStems[(int)value - 1].ToString() : Decimal(value),
        "upperLetter" => Letters(value, 'A', maxChars),
        "lowerLetter" => Letters(value, 'a', maxChars),
        "upperRoman" => Roman(value),
        "lowerRoman" => Roman(value).ToLowerInvariant(),
        "bullet" or "none" => string.Empty,
        // An unknown or custom format: Word falls back to arabic numerals.
        _ => Decimal(value),
    };

    private static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FullWidth(string digits) => string.Create(digits.Length, digits, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = s[i] is >= '0' and <= '9' ? (char)(s[i] - '0' + '０') : s[i];
        }
    });

    /// <summary>①…⑳ exist as characters; Word shows plain numbers beyond them.</summary>
    private static string Enclosed(long value, char first, int count) =>
        value >= 1 && value <= count ? ((char)(first + value - 1)).ToString() : Decimal(value);

    private static string Digits(long value, string digits)
    {
        var text = Decimal(Math.Abs(value));
        var sb = new StringBuilder(text.Length + 1);
        if (value < 0)
        {
            sb.Append('-');
        }

        foreach (var c in text)
        {
            sb.Append(digits[c - '0']);
        }

        return sb.ToString();
    }

    /// <summary>十一 not 一十一, 二十, 一百零五, 一千二百: the way the numbers are read aloud.</summary>
    private static string ChineseCounting(long value)
    {
        if (value <= 0 || value >= 100_000)
        {
            return Digits(value, ChineseDigits);
        }

        string[] units = ["", "十", "百", "千", "万"];
        var text = Decimal(value);
        var sb = new StringBuilder();
        var pendingZero = false;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = text[i] - '0';
            var unit = text.Length - 1 - i;
            if (digit == 0)
            {
                pendingZero = sb.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                sb.Append('〇');
                pendingZero = false;
            }

            // 10–19 are 十, 十一 …, not 一十一.
            if (!(digit == 1 && unit == 1 && sb.Length == 0))
            {
                sb.Append(ChineseDigits[digit]);
            }

            sb.Append(units[unit]);
        }

        return sb.ToString();
    }

    private static string Legal(long value)
    {
        var counted = ChineseCounting(value);
        var sb = new StringBuilder(counted.Length);
        foreach (var c in counted)
        {
            var digit = ChineseDigits.IndexOf(c, StringComparison.Ordinal);
            sb.Append(digit >= 0 ? LegalDigits[digit] : c switch { '十' => '拾', '百' => '佰', '千' => '仟', _ => c });
        }

        // Legal numbers spell the leading one that counting drops: 壹拾壹, not 拾壹.
        return counted.StartsWith('十') ? "壹" + sb : sb.ToString();
    }

    /// <summary>Word's letters repeat rather than carry: 26 → Z, 27 → AA, 28 → BB.</summary>
    private static string Letters(long value, char a, int maxChars)
    {
        if (value <= 0)
        {
            return Decimal(value);
        }

        var letter = (char)(a + (value - 1) % 26);
        var count = (value - 1) / 26 + 1;
        if (count > maxChars)
        {
            throw new ReadLimitException(ReadLimits.Exceeded(FormattableString.Invariant($"a numbering label of {count:N0} letters"), maxChars, "characters per numbering label"));
        }

        return new string(letter, (int)count);
    }

    private static string Roman(long value)
    {
        if (value is <= 0 or >= 4000)
        {
            return Decimal(value);
        }

        (int Value, string Numeral)[] numerals =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];
        var sb = new StringBuilder();
        foreach (var (n, numeral) in numerals)
        {
            while (value >= n)
            {
                sb.Append(numeral);
                value -= n;
            }
        }

        return sb.ToString();
    }
}
