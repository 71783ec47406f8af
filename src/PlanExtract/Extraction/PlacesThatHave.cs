using System.Text.RegularExpressions;
using PlanExtract.Text;

namespace PlanExtract.Extraction;

/// <summary>
/// A share of places that have something: 全市中小学、幼儿园、社区建立家长学校达到100% → 家长学校, population
/// 中小学、幼儿园、社区 (the form of 70%以上的镇（街道）、社区建有少儿科普活动场所 written the other way round).
/// The places are who the share is of; what they set up is what is measured.
/// </summary>
public static partial class PlacesThatHave
{
    /// <summary>The thing and the places, or null when the phrase is not "places + 建立/建有… + thing".</summary>
    public static (string Thing, string Places)? Split(string indicator)
    {
        if (IndicatorText.EndsWithMeasure(indicator))
        {
            return null;
        }

        var m = PlacesVerbThing().Match(CharFold.ToSimplified(indicator));
        return m.Success
            ? (indicator.Substring(m.Groups["thing"].Index, m.Groups["thing"].Length), indicator.Substring(m.Groups["places"].Index, m.Groups["places"].Length))
            : null;
    }

    [GeneratedRegex(@"^(?<places>[\p{IsCJKUnifiedIdeographs}（）()]{1,12}(?:、[\p{IsCJKUnifiedIdeographs}（）()]{1,12})+)(?:建立|建有|设有|设立|开设|配有|配备)(?<thing>[\p{IsCJKUnifiedIdeographs}（）()“”]{2,16})$")]
    private static partial Regex PlacesVerbThing();
}
