namespace PlanExtract.Indicators;

/// <summary>
/// Dice coefficient over character bigrams: Chinese indicator names share their content words as
/// runs of characters, so overlapping pairs measure how much of a name another name repeats.
/// </summary>
public static class Similarity
{
    public static double Dice(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.Length == 1 || b.Length == 1)
        {
            return string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0;
        }

        var left = Bigrams(a);
        var right = Bigrams(b);
        var shared = 0;
        foreach (var (pair, count) in left)
        {
            if (right.TryGetValue(pair, out var other))
            {
                shared += Math.Min(count, other);
            }
        }

        return Dice(shared, a.Length, b.Length);
    }

    /// <summary>Dice's arithmetic on a shared bigram count, so an index that counts shared bigrams itself gets the same scores to the bit.</summary>
    public static double Dice(int shared, int lengthA, int lengthB) =>
        lengthA < 2 || lengthB < 2 ? 0 : 2.0 * shared / (lengthA - 1 + lengthB - 1);

    /// <summary>Each pair of neighbouring characters, with how often it occurs.</summary>
    public static Dictionary<(char, char), int> Bigrams(string s)
    {
        var counts = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < s.Length; i++)
        {
            var key = (s[i], s[i + 1]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}

/// <summary>
/// Whether one writing only adds or drops words to the other. Measured on the corpus, the pairs
/// bigram similarity confuses are substitutions of one content word ("艾滋病孕产妇感染者治疗率" and
/// "梅毒孕产妇感染者治疗率" score 0.76, "困难群众…"/"特殊群众…" 0.83), while true variants add a
/// qualifier ("大型社康中心心理咨询室设置率", "每千常住人口…"). A single non-digit character may
/// still differ, for an OCR slip the look-alike table lacks; a digit never ("3岁以下"/"7岁以下").
/// </summary>
public static class Edits
{
    public static bool OnlyAddsOrDrops(string a, string b)
    {
        var common = LongestCommonSubsequence(a, b);
        var extraA = a.Length - common;
        var extraB = b.Length - common;
        if (Math.Min(extraA, extraB) == 0)
        {
            return true;
        }

        return extraA == 1 && extraB == 1 && Digits(a).SequenceEqual(Digits(b));
    }

    private static IEnumerable<char> Digits(string s) => s.Where(char.IsAsciiDigit);

    private static int LongestCommonSubsequence(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
