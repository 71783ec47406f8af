namespace PlanExtract.Indexing;

/// <summary>The characters the bigram chain pairs (<see cref="PlanAnalyzer"/>'s CJKBigramFilter): Han ideographs.</summary>
internal static class HanText
{
    /// <summary>CJK unified ideographs (with extension A, not the Yijing hexagram symbols between) and the compatibility block, one UTF-16 unit each.</summary>
    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
