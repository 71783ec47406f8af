using PlanExtract.Extraction;
using PlanExtract.Model;

namespace PlanExtract.Tests.Extraction;

/// <summary>Runs the extractor on one sentence as if it were a goal item, and renders what it finds.</summary>
internal static class SentenceExtraction
{
    public static IReadOnlyList<Target> Extract(string sentence, SectionKind section = SectionKind.Goal)
    {
        var item = new Item("1", sentence, new SourceSpan("spec", 1, null), [new ItemLine(0, 1, null)]);
        return new TargetExtractor().Extract(item, new ItemContext("测试区", PlanKind.Women, "妇女与健康", section, "spec"));
    }

    /// <summary>"孕产妇死亡率 <= 8 1/10万", "乳腺癌人群筛查率 up", with " basis=…" and " pop=…" when set.</summary>
    public static string Render(Target t)
    {
        var parts = new List<string> { t.Indicator, t.Comparator };
        if (t.Value is not null)
        {
            parts.Add(t.Value);
        }

        if (t.Unit is not null)
        {
            parts.Add(t.Unit);
        }

        if (t.Basis is not null)
        {
            parts.Add("basis=" + t.Basis);
        }

        if (t.Population is not null)
        {
            parts.Add("pop=" + t.Population);
        }

        return string.Join(' ', parts);
    }
}
