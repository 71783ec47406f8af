using System.Text.RegularExpressions;

namespace PlanExtract.Text;

/// <summary>
/// Takes out the pinyin a GBK→Big5→GBK round trip leaves in brackets after a character:
/// "提高1.5個(gè)百分點(diǎn)", "兒童服務(wù)". The brackets are conversion debris, not words of
/// the plan (like the Kangxi radicals a PDF text layer writes for 女), so they go before any
/// rule reads the line, and the unit reads 個百分點 → 个百分点.
/// </summary>
public static partial class PinyinRemnants
{
    public static bool Contains(string text) => text.Contains('(', StringComparison.Ordinal) && Remnant().IsMatch(text);

    public static string Strip(string text) => Contains(text) ? Remnant().Replace(text, string.Empty) : text;

    // A lower-case syllable with a tone mark (or ü), right after a CJK character: "(gè)", "(diǎn)",
    // "(wù)". A toneless Latin word in brackets ("(HPV)", "(app)") is a word of the plan and stays.
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüń]{1,7}\)")]
    private static partial Regex Remnant();
}
