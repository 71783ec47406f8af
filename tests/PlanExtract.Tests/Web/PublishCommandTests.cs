using System.Net;
using System.Text.RegularExpressions;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Web;

/// <summary><c>planextract publish</c>: the pages as a folder of files whose every link lands on a file of the folder.</summary>
public sealed partial class PublishCommandTests
{
    [Fact]
    public void Publish_writes_tables_downloads_indicator_district_and_source_pages_linked_to_each_other()
    {
        using var temp = new TempFolder();
        var site = Path.Combine(temp.Path, "site");
        var (code, stdout, stderr) = CliRunner.Run("publish", "--out", site, "--corpus", RepoPaths.Corpus);
        Assert.True(code == 0, stderr);
        Assert.Contains("wrote ", stdout);

        foreach (var file in new[] { "index.html", "tables-women.html", "measures-children.html", "women.xlsx", "children.docx", "women.md", "children.csv", "site.js", "site.css",
            "indicator-孕产妇死亡率.html", "district-广东省_清远市_清城区.html", "source-广东省_清远市.html" })
        {
            Assert.True(File.Exists(Path.Combine(site, file)), file + " missing");
        }

        var pages = Directory.GetFiles(site, "*.html");
        var broken = new List<string>();
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            Assert.DoesNotContain("/search", html);
            foreach (var href in Links().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                var file = href.Split('#')[0];
                if (file.Length > 0 && !File.Exists(Path.Combine(site, Uri.UnescapeDataString(file))))
                {
                    broken.Add($"{Path.GetFileName(page)} → {href}");
                }
            }
        }

        Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken.Distinct().Take(20)));
        Assert.Contains("href=\"source-%E5%B9%BF%E4%B8%9C%E7%9C%81_%E6%B8%85%E8%BF%9C%E5%B8%82.html#L26\"", File.ReadAllText(Path.Combine(site, "tables-women.html")));
    }

    [Fact]
    public void Publish_without_out_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("publish");
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr);
    }

    [Fact]
    public void Serve_without_an_index_says_to_run_build_in_one_line()
    {
        using var temp = new TempFolder();
        var (code, _, stderr) = CliRunner.Run("serve", "--index", Path.Combine(temp.Path, "none"), "--corpus", RepoPaths.Corpus, "--port", "0");
        Assert.Equal(1, code);
        Assert.Contains("run `planextract build` first", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Links();
}
