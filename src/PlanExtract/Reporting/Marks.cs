namespace PlanExtract.Reporting;

/// <summary>The marks a cell carries against the parent government's plan and the catalog's reference values, and their legend.</summary>
public static class Marks
{
    public static string VsParent(Strictness? s) => s switch
    {
        Strictness.Stricter => "▲",
        Strictness.Same => "●",
        Strictness.Looser => "▼",
        _ => string.Empty,
    };

    public static string VsReference(Strictness? s) => s switch
    {
        Strictness.Stricter => "△",
        Strictness.Same => "○",
        Strictness.Looser => "▽",
        _ => string.Empty,
    };

    public static string Of(CellValue v)
    {
        var marks = VsParent(v.VsParent) + VsReference(v.VsReference);
        return marks.Length == 0 ? string.Empty : " " + marks;
    }

    public const string NotInCatalog = "†";

    public static IEnumerable<string> Legend(CrossTable table)
    {
        yield return "每格为该地区规划中的目标（目标、主要指标、策略措施、重点工程/项目中任一处写明的都算），链接到原文所在行；同一指标写了不同数值时全部列出。";
        if (table.HasParents)
        {
            var pairs = string.Join("，", table.Districts.Where(d => d.Parent is not null).Select(d => $"{d.Name} 对照 {d.Parent}"));
            yield return $"对照上级政府规划（{pairs}）：▲ 严于上级，● 与上级相同，▼ 宽于上级；数值或单位不可比的不标。";
        }

        yield return "对照指标目录 corpus/indicators.json 中注明出处的参考值：△ 严于参考值，○ 相同，▽ 宽于参考值。";
        yield return $"{NotInCatalog} 指标目录中没有的指标，按原文名称列出。";
        yield return "“目标数”为该领域中各地区列出的目标值个数（同一数值重复出现只计一次）。";
    }
}
