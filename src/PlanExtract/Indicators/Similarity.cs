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

        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }

    private static Dictionary<(char, char), int> Bigrams(string s)
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
