using Xunit.Abstractions;

namespace PlanExtract.Tests.Segmentation;

/// <summary>
/// Real plan text from issuers outside the corpus (Specs/segmentation.md, the dev half) gives the
/// plans, domains, sections and item numbers annotated by hand; the test half
/// (Specs/segmentation-test.md, issuers no rule was written from) is scored and must not fall.
/// </summary>
public sealed class SegmentationSpecTests(ITestOutputHelper output)
{
    public static TheoryData<SegmentationRow> DevRows() => [.. SegmentationSpec.Read("segmentation.md")];

    [Theory]
    [MemberData(nameof(DevRows))]
    public void Dev_row_gives_the_annotated_outline(SegmentationRow row)
    {
        var actual = SegmentationSpec.Actual(row);
        if (KnownMisses.TryGetValue(row.Number, out var why))
        {
            // Kept honest both ways: a row that starts passing must come off the list.
            Assert.False(row.Expected.SequenceEqual(actual, StringComparer.Ordinal), $"row {row.Number} now passes: take it off KnownMisses ({why})");
            return;
        }

        Assert.True(
            row.Expected.SequenceEqual(actual, StringComparer.Ordinal),
            $"{row.Header}\n{row.Source}\n  expected:\n    {string.Join("\n    ", row.Expected)}\n  actual:\n    {string.Join("\n    ", actual)}");
    }

    [Fact]
    public void Test_half_score_does_not_fall()
    {
        var rows = SegmentationSpec.Read("segmentation-test.md");
        var passed = 0;
        foreach (var row in rows)
        {
            var actual = SegmentationSpec.Actual(row);
            var ok = row.Expected.SequenceEqual(actual, StringComparer.Ordinal);
            passed += ok ? 1 : 0;
            output.WriteLine($"{(ok ? "pass" : "FAIL")} {row.Header}");
            if (!ok)
            {
                output.WriteLine($"  expected: {string.Join(" / ", row.Expected)}\n  actual:   {string.Join(" / ", actual)}");
            }
        }

        output.WriteLine($"test half: {passed}/{rows.Count} rows, {rows.Count(IsRefused)} refused");
        Assert.True(passed >= TestHalfFloor, $"test half: {passed}/{rows.Count} rows, floor {TestHalfFloor}");
    }

    [Fact]
    public void No_dev_row_is_refused()
    {
        var refused = SegmentationSpec.Read("segmentation.md").Where(IsRefused).Select(r => r.Number).ToList();
        Assert.Empty(refused);
    }

    private static bool IsRefused(SegmentationRow row) => SegmentationSpec.Actual(row) is [var only] && only.StartsWith("refused", StringComparison.Ordinal);

    /// <summary>Dev rows no rule reads yet, and why (docs/SEGMENTATION.md lists them too).</summary>
    private static readonly Dictionary<int, string> KnownMisses = new()
    {
        [39] = "title, domain and 主要目标 only inside a prose sentence: 《牙克石市妇女发展规划(2021-2030年》之妇女与教育方面主要目标设置情况",
        [40] = "as row 39",
        [52] = "a viewer's chunk number \"2、\" before a sentence reads as item 2",
        [61] = "title glued to the end of a URL: …a_4513569.html*南州妇女发展规划",
        [67] = "title inside a viewer's note: 文档介绍:辽宁省儿童发展规划(2001-2010年)(省略前言)",
        [68] = "annotated without the domain and 主要目标 the excerpt shows (一、儿童与健康 / 主要目标 1-5)",
    };

    /// <summary>The test half's score when last measured (docs/SEGMENTATION.md): a floor, not a goal.</summary>
    private const int TestHalfFloor = 16;
}
