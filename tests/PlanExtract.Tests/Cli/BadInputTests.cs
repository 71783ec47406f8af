using System.Text;

namespace PlanExtract.Tests.Cli;

/// <summary>Input that fights back: one line "error: FILE: reason", exit 1, no stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, byte[], string> BadFiles()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        var zip = new byte[] { 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        return new TheoryData<string, byte[], string>
        {
            { "empty.txt", [], "empty" },
            { "random.txt", random, "binary" },
            { "random.pdf", random, "PDF" },
            { "random.docx", random, "docx" },
            { "empty-zip.docx", zip, "Word" },
            { "notice-only.txt", Encoding.UTF8.GetBytes("清远市清城区人民政府办公室关于成立清城区第三次全国土壤普查领导小组的通知\n各镇人民政府：\n"), "no women's or children's" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Extract_reports_one_line_and_exits_1(string name, byte[] bytes, string reason)
    {
        var path = _temp.File(name, bytes);
        var (code, _, err) = CliRunner.Run("extract", path);
        Assert.Equal(1, code);
        var line = Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"error: {path}: ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_bad_input()
    {
        var (code, _, err) = CliRunner.Run("extract", Path.Combine(_temp.Path, "nope.txt"));
        Assert.Equal(1, code);
        Assert.Contains("no such file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_format_is_bad_usage() => Assert.Equal(2, CliRunner.Run("extract", "x.txt", "--format", "yaml").Code);

    [Fact]
    public void Unknown_command_is_bad_usage() => Assert.Equal(2, CliRunner.Run("frobnicate").Code);

    [Theory]
    [InlineData("build")]
    [InlineData("extract")]
    [InlineData("search")]
    [InlineData("add")]
    [InlineData("check")]
    [InlineData("table")]
    [InlineData("bench")]
    public void Every_command_has_help(string command)
    {
        var (code, output, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }
}
