using PlanExtract.Model;

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

    /// <summary>
    /// The legend: what a cell holds, every symbol a value can be written with (the comparators of
    /// the contract and the words that make them), every mark, and which parent document each
    /// district's marks come from.
    /// </summary>
    public static IEnumerable<string> Legend(CrossTable table)
    {
        yield return "每格为该地区规划中的目标（目标、主要指标、策略措施、重点工程/项目中任一处写明的都算），链接到原文所在行；同一指标写了不同数值时全部列出。";
        yield return Comparators;
        yield return "括号内为原文限定的人群，如“=70%（35—45岁妇女）”。";
        foreach (var line in Parents(table))
        {
            yield return line;
        }

        yield return "对照指标目录 corpus/indicators.json 中注明出处的参考值：△ 严于参考值，○ 相同，▽ 宽于参考值。";
        yield return $"{NotInCatalog} 指标目录中没有的指标，按原文名称列出。";
        yield return "“目标数”为该领域中各地区列出的目标值个数（同一数值重复出现只计一次）。";
    }

    /// <summary>
    /// When a cell is "=" and when "≥": the bound word decides, after the value (以上, 以下, 左右)
    /// or in the verb (不低于, 不超过); a plain 达到/提高到 X is "=" (Extraction.Comparators).
    /// </summary>
    public const string Comparators =
        "数值前的符号照原文的措辞：≥ 原文写“以上”“不低于”“不少于”“至少”；≤ 写“以下”“以内”“不超过”“不高于”；" +
        "< 写“低于”；> 写“超过”“高于”；≈ 写“左右”；= 只写“达到”“提高到”“降至”等而没有上述限定词" +
        "（“婚前医学检查率提高到65%”为 =65%，“孕产妇系统管理率达到90%以上”为 ≥90%）；" +
        "↑ ↓ 只写方向、没有数值（“逐步提高”“明显下降”）；↑X ↓X 为相对变化（“以2020年为基数下降20%”“每年降低0.5个百分点”）。";

    /// <summary>Per compared district the parent plan its ▲●▼ come from; and who is not compared, and why.</summary>
    public static IEnumerable<string> Parents(CrossTable table)
    {
        var compared = table.Districts.Where(d => d.Parent is not null).ToList();
        if (compared.Count > 0)
        {
            var pairs = string.Join("；", compared.Select(d =>
                $"{d.Name} 对照 {d.Parent}《{PlanTitle(d.ParentDocument, table)}》（{d.ParentDocument?.Source}）" +
                (d.PassedOver is { } skipped ? $"，因上一级 {skipped} 没有{table.Title}" : string.Empty)));
            yield return $"对照上级政府同类规划：▲ 严于上级，● 与上级相同，▼ 宽于上级；数值或单位不可比、上级未写该指标的不标。{pairs}。";
        }

        var uncompared = table.Districts.Where(d => d.Parent is null && d.PassedOver is not null).ToList();
        if (uncompared.Count > 0)
        {
            var names = string.Join("；", uncompared.Select(d => $"{d.Name} 的上级 {d.PassedOver} 没有{table.Title}"));
            yield return $"{names}：不跨规划类型对照（{table.Title}的目标不与上级的另一类规划比），不标 ▲●▼。";
        }
    }

    private static string PlanTitle(Corpus.CorpusDocument? parent, CrossTable table) =>
        parent?.Metadata.Plans.FirstOrDefault(p => p.Plan == table.Plan.ToContractName())?.Title ?? table.Title;
}
