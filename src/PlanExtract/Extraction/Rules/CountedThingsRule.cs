using PlanExtract.Text;
using System.Text.RegularExpressions;

namespace PlanExtract.Extraction.Rules;

/// <summary>
/// Things a plan commits to build or staff, counted: 建设1所政府举办、标准化妇幼保健机构 (=1所),
/// 设立1个以上家庭暴力庇护场所 (≥1个), 至少配备1名…全科医生、2名…医生, 全区建成母婴室65家以上.
/// The indicator is the thing counted.
/// </summary>
public sealed partial class CountedThingsRule : ITargetRule
{
    public IEnumerable<TargetCandidate> Match(Clause clause)
    {
        for (var m = VerbThenNumber().Match(clause.Folded); m.Success; m = m.NextMatch())
        {
            var position = m.Index + m.Length;
            var atLeast = m.Groups["pre"].Success || m.Groups["pre2"].Success;
            while (QuantityReader.ReadAt(clause.Folded, position) is { Unit: not null } q && IsCounter(q.Unit))
            {
                var end = q.End;
                var bound = Bound().Match(clause.Folded, end);
                if (bound.Success)
                {
                    end += bound.Length;
                }

                var objectEnd = ObjectEnd(clause.Folded, end);
                var thing = Thing(clause.Text[end..objectEnd]);
                if (thing.Length < 2 || PlanPart().IsMatch(thing))
                {
                    break;
                }

                yield return new TargetCandidate(thing, atLeast || bound.Success || q.IsRange ? Comparator.AtLeast : Comparator.Equal, q.Value, q.Unit, q.Start, m.Index, objectEnd);
                var next = NextInList().Match(clause.Folded, objectEnd);
                if (!next.Success)
                {
                    break;
                }

                position = objectEnd + next.Length;
            }
        }

        for (var m = VerbThingNumber().Match(clause.Folded); m.Success; m = m.NextMatch())
        {
            // The verb starts the phrase (全区建成母婴室65家以上), not the middle of a name (儿童友好社区建设数量达到10个).
            // 面向职工子女、困境青少年…等开办“爱心暑托班”250个: a list closed by 等 says whom for, and names no thing.
            var left = IndicatorText.LeftOf(clause, m.Index).Text;
            if (left.Length > 0 && !left.EndsWith('等'))
            {
                continue;
            }

            var q = QuantityReader.ReadAt(clause.Folded, m.Groups["q"].Index);
            if (q?.Unit is null || !IsCounter(q.Unit))
            {
                continue;
            }

            var bound = Bound().Match(clause.Folded, q.End);
            var thing = Thing(clause.Text.Substring(m.Groups["thing"].Index, m.Groups["thing"].Length));
            yield return new TargetCandidate(thing, bound.Success ? Comparator.AtLeast : Comparator.Equal, q.Value, q.Unit, q.Start, m.Index, bound.Success ? q.End + bound.Length : q.End);
        }
    }

    // Held once: a params array of them would be made for every thing counted.
    private static readonly char[] Quotes = ['“', '”', '"'];

    private static bool IsCounter(string unit) => unit is not ("%" or "‰" or "个百分点" or "岁" or "年" or "天" or "元" or "万元") && !unit.StartsWith("1/", StringComparison.Ordinal);

    /// <summary>The thing runs to the end of the phrase, or to a 、 that starts the next counted thing.</summary>
    private static int ObjectEnd(string folded, int from)
    {
        for (var i = from; i < Math.Min(folded.Length, from + IndicatorText.MaxLength); i++)
        {
            if (folded[i] is ',' or '，' or '。' or '；' or ';' or '：' or ':')
            {
                return i;
            }

            if (folded[i] is '、' or '和' && i + 1 < folded.Length && (char.IsDigit(folded[i + 1]) || "一二两三四五六七八九十".Contains(folded[i + 1])))
            {
                return i;
            }
        }

        return Math.Min(folded.Length, from + IndicatorText.MaxLength);
    }

    private static string Thing(string text)
    {
        var thing = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimStart('的');

        // 明确1名委员负责妇女工作: the thing ends where its duty begins, and the duty names which one
        // (负责妇女工作的委员, not 委员). Found in simplified script (one char for one), so 負責 in a
        // traditional plan ends it too.
        var simplified = PlanExtract.Text.CharFold.ToSimplified(thing);
        var duty = simplified.IndexOf("负责", StringComparison.Ordinal);
        if (duty >= 2)
        {
            var task = DutyEnd().Match(simplified, duty);
            thing = thing[duty..task.Index] + "的" + thing[..duty];
        }

        return thing.TrimEnd('等').Trim(Quotes);
    }

    [GeneratedRegex(@"(?:(?<pre>至少|不少于)?(?:" + Vocabulary.BuildVerbs + @")|(?<pre>至少)有)(?<pre2>至少|不少于)?(?=\s*(?:\d|" + Vocabulary.ChineseDigit + @"{1,3}\s*[个所名张间家支处项次]))")]
    private static partial Regex VerbThenNumber();

    // 新建改扩建普惠托育机构10家, 增建未成年人保护工作站(关爱之家)8家, 建设“梦想小屋”120间, 开展科学育儿知识进社区500场次:
    // the verb may be compound, the name may hold brackets and quotes.
    [GeneratedRegex(@"(?:" + Vocabulary.CountedBuildVerbs + @")(?<thing>[\p{IsCJKUnifiedIdeographs}（）()“”""]{2,16}?)(?<!达到|达|不少于|不低于|至少|为)\s*(?<q>\d+)\s*(?:场次|[个所名张间家支处项人])")]
    private static partial Regex VerbThingNumber();

    [GeneratedRegex(@"[^\p{IsCJKUnifiedIdeographs}（）()]|$")]
    private static partial Regex DutyEnd();

    // 《妇女发展规划》共设8个领域: the plan counting its own parts.
    [GeneratedRegex(@"^(?:" + Vocabulary.PlanParts + ")$")]
    private static partial Regex PlanPart();

    [GeneratedRegex(@"\G\s*(?:以上|及以上)")]
    private static partial Regex Bound();

    [GeneratedRegex(@"\G\s*[、和]\s*")]
    private static partial Regex NextInList();
}
