using PlanExtract.Text;
namespace PlanExtract.Extraction;

/// <summary>Turns verbs and bound words into the contract's comparators; a bound word after the value wins.</summary>
public static class Comparators
{
    public static string Of(string verb, string? bound) => bound switch
    {
        "以上" or "及以上" => Comparator.AtLeast,
        "以下" or "以内" or "及以下" => Comparator.AtMost,
        "左右" => Comparator.About,
        _ => OfVerb(verb),
    };

    private static string OfVerb(string verb) =>
        verb.Contains('≤') ? Comparator.AtMost
        : verb.Contains('≥') ? Comparator.AtLeast
        : verb.Contains('<') ? Comparator.Below
        : verb.Contains('>') ? Comparator.Above
        : ContainsAny(verb, Vocabulary.AtLeast) ? Comparator.AtLeast
        : ContainsAny(verb, Vocabulary.AtMost) ? Comparator.AtMost
        : verb.Contains("低于", StringComparison.Ordinal) ? Comparator.Below
        : verb.Contains("超过", StringComparison.Ordinal) || verb.Contains("高于", StringComparison.Ordinal) ? Comparator.Above
        : Comparator.Equal;

    private static bool ContainsAny(string verb, string alternation) =>
        alternation.Split('|').Any(word => verb.Contains(word, StringComparison.Ordinal));
}
