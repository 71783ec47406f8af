using PlanExtract.Model;
using PlanExtract.Segmentation.Rules;

namespace PlanExtract.Segmentation;

/// <summary>
/// Turns a document's blocks into plans → domains → sections → numbered items, by general rules:
/// a plan starts at its own title line; "一、" starts a part (领域 → domains, 重点工程/项目 →
/// projects, anything else → plan-level sections); "（一）" starts a domain, a project, a
/// plan-level section or an item, by the part it is in; 主要目标/主要指标/策略措施 start a
/// domain's sections; "1." "（1）" "①" start items. Anything before the first plan title
/// (cover notices, site navigation, an unrelated notice) is not part of a plan.
/// </summary>
public sealed class PlanSegmenter
{
    public IReadOnlyList<Plan> Segment(string source, IReadOnlyList<SourceBlock> blocks)
    {
        var state = new SegmenterState(source);
        var lines = blocks.Select(PlanLine.From).OfType<PlanLine>().ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (PlanTitleRule.Recognize(line) is { } title)
            {
                var text = line.Text;
                if (!title.HasPeriod && i + 1 < lines.Count && PlanTitleRule.IsPeriodLine(lines[i + 1]))
                {
                    text += lines[++i].Text;
                }

                state.StartPlan(title.Kind, title.Issuer, text, line);
                continue;
            }

            state.Accept(line);
        }

        return state.Finish();
    }
}

internal enum PartKind
{
    Preamble,
    Domains,
    Projects,
    Other,
}
