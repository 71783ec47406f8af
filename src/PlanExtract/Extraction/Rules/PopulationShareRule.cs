using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// A share of a population doing something: 促进70%的妇女在35—45岁接受宫颈癌筛查 (宫颈癌筛查率
/// =70%, population 35—45岁妇女); 70%以上的镇（街道）、社区建有少儿科普活动场所 (少儿科普活动场所
/// ≥70%, population 镇（街道）、社区); 95%的城市社区和85%的农村社区建立家长学校.
/// </summary>
public sealed partial class PopulationShareRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        if (Screening().Match(clause.Folded) is { Success: true } s)
        {
            var q = QuantityReader.ReadAt(clause.Folded, s.Groups["q"].Index)!;
            var population = Slice(clause, s.Groups["age"]) + Slice(clause, s.Groups["who"]);
            yield return new TargetCandidate(Slice(clause, s.Groups["what"]) + "率", Comparator.Equal, q.Value, q.Unit, q.Start, s.Index, s.Index + s.Length)
            {
                Population = population,
            };
            yield break;
        }

        var shares = Share().Matches(clause.Folded);
        if (shares.Count == 0)
        {
            yield break;
        }

        var last = shares[^1];
        var verb = Verb().Match(clause.Folded, last.Index + last.Length);
        if (!verb.Success)
        {
            yield break;
        }

        var objectEnd = ObjectEnd(clause.Folded, verb.Index + verb.Length);
        var indicator = clause.Text[(verb.Index + verb.Length)..objectEnd].Trim();
        if (indicator.Length < 2)
        {
            yield break;
        }

        for (var i = 0; i < shares.Count; i++)
        {
            var m = shares[i];
            var q = QuantityReader.ReadAt(clause.Folded, m.Index);
            if (q?.Unit != "%")
            {
                continue;
            }

            var populationEnd = i + 1 < shares.Count ? shares[i + 1].Index : verb.Groups["v"].Index;
            var population = clause.Text[(m.Index + m.Length)..populationEnd].Trim().TrimEnd('和', '、', '及').Trim();
            yield return new TargetCandidate(indicator, m.Groups["bound"].Success ? Comparator.AtLeast : Comparator.Equal, q.Value, q.Unit, q.Start, m.Index, objectEnd)
            {
                Population = population.Length > 0 ? population : null,
            };
        }
    }

    private static string Slice(Clause clause, Group g) => clause.Text.Substring(g.Index, g.Length).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static int ObjectEnd(string folded, int from)
    {
        var limit = Math.Min(folded.Length, from + IndicatorText.MaxLength);
        var end = folded.IndexOfAny([',', '，', '。', '；', ';'], from, limit - from);
        return end < 0 ? limit : end;
    }

    [GeneratedRegex(@"促进\s*(?<q>\d+\s*%)\s*的(?<who>[\p{IsCJKUnifiedIdeographs}]{1,6}?)在\s*(?<age>\d+\s*[-—–~至]+\s*\d+\s*岁)\s*接受(?<what>[\p{IsCJKUnifiedIdeographs}]{2,12}?(?:筛查|检查))")]
    private static partial Regex Screening();

    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?\s*%\s*(?<bound>以上)?\s*的")]
    private static partial Regex Share();

    [GeneratedRegex(@"[^,，。；;]{0,14}?(?<v>建有|建立|建成|设有|设立|开设|配备|实现)")]
    private static partial Regex Verb();
}
