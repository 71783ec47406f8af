namespace PlanExtract.Indicators;

/// <summary>
/// Which units measure the same kind of thing, so a rate never matches a count by name alone:
/// "新生儿访视率" (%) and a "新生儿…" head count look alike but are not one indicator.
/// </summary>
public static class UnitFamily
{
    public static string? Of(string? unit) => unit switch
    {
        null or "" => null,
        "%" or "个百分点" => "share",
        "‰" => "permille",
        "1/万" => "per-10k",
        var u when u.StartsWith("1/10万", StringComparison.Ordinal) => "per-100k",
        ":1" => "ratio",
        "小时" or "分钟" or "天" => "time",
        "岁" or "年" => "years",
        _ => "count",
    };

    /// <summary>True unless both units are known and differ in kind.</summary>
    public static bool Compatible(string? written, string? catalog)
    {
        var a = Of(written);
        var b = Of(catalog);
        return a is null || b is null || a == b;
    }
}
