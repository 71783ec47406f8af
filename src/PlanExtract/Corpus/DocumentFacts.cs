using System.Text.RegularExpressions;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Corpus;

/// <summary>What a plan document says about itself: issuer, document number, date, plan titles.</summary>
public sealed record DocumentFacts(string? Issuer, string? City, string? District, string? DocumentNumber, string? Date, IReadOnlyList<(PlanKind Kind, string Title)> Titles);

/// <summary>
/// Reads the facts a maintainer would otherwise type: the issuer from the plan title
/// (清远市清城区妇女发展规划 → 清远市, 清城区), the document number (清城府发〔2022〕6号) and the
/// issuing date (2022年7月1日) from the cover notice.
/// </summary>
public static partial class DocumentFactsReader
{
    public static DocumentFacts Read(PlanDocument document, IReadOnlyList<SourceBlock> blocks)
    {
        var issuer = document.Plans.Select(p => p.Issuer).FirstOrDefault(i => !string.IsNullOrEmpty(i));
        string? city = null, district = null;
        if (issuer is not null && CityDistrict().Match(issuer) is { Success: true } m)
        {
            (city, district) = (m.Groups["city"].Value, m.Groups["district"].Value);
        }
        else if (issuer is not null && issuer.EndsWith('市'))
        {
            city = issuer;
        }

        // The notice that issues the plan stands right before its title: in a gazette, earlier
        // notices carry other numbers and dates, so the last ones before the title win.
        string? number = null, date = null;
        foreach (var block in blocks)
        {
            if (Segmentation.PlanLine.From(block) is { } line && Segmentation.Rules.PlanTitleRule.Recognize(line) is not null)
            {
                break;
            }

            var folded = CharFold.Fold(block.Text);
            if (DocumentNumber().Match(folded) is { Success: true } n)
            {
                (number, date) = (block.Text.Substring(n.Index, n.Length).Trim(), null);
            }
            else if (IssueDate().Match(folded) is { Success: true } d)
            {
                date = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{int.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture):D4}-{int.Parse(d.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture):D2}-{int.Parse(d.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture):D2}");
            }
        }

        return new DocumentFacts(issuer, city, district, number, date, [.. document.Plans.Select(p => (p.Kind, p.Title))]);
    }

    [GeneratedRegex(@"^(?<city>[\p{IsCJKUnifiedIdeographs}]{2,8}?(?:市|州|盟|地区))(?<district>[\p{IsCJKUnifiedIdeographs}]{1,8}(?:区|县|市|旗))$")]
    private static partial Regex CityDistrict();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}]{1,8}[〔\[(（]\s*20\d\d\s*[〕\])）]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^\s*(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")]
    private static partial Regex IssueDate();
}
