namespace PlanExtract.Extraction;

/// <summary>Turns verbs and bound words into the contract's comparators; a bound word after the value wins.</summary>
public static class Comparators
{
    public static string Of(string verb, string? bound) => bound switch
    {
        "以上" or "及以上" => ">=",
        "以下" or "以内" or "及以下" => "<=",
        "左右" => "~",
        _ => OfVerb(verb),
    };

    private static string OfVerb(string verb) =>
        verb.Contains('≤') ? "<=" : verb.Contains('≥') ? ">=" : verb.Contains('<') ? "<" : verb.Contains('>') ? ">"
        : verb.Contains("不低于", StringComparison.Ordinal) || verb.Contains("不少于", StringComparison.Ordinal)
        || verb.Contains("不小于", StringComparison.Ordinal) || verb.Contains("至少", StringComparison.Ordinal) ? ">="
        : verb.Contains("不超过", StringComparison.Ordinal) || verb.Contains("不高于", StringComparison.Ordinal) || verb.Contains("不大于", StringComparison.Ordinal) ? "<="
        : verb.Contains("低于", StringComparison.Ordinal) ? "<"
        : verb.Contains("超过", StringComparison.Ordinal) || verb.Contains("高于", StringComparison.Ordinal) ? ">"
        : "=";
}
