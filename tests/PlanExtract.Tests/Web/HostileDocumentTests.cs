using System.Text.Json;
using System.Text.Json.Nodes;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Web;

/// <summary>
/// A document that carries markup in its metadata, its headings-free item text and its indicator
/// names: every page must show it as text. Built from the real 清城区 plan with markup added to a
/// goal line (so it is segmented, extracted and indexed like any plan) and to the metadata.
/// </summary>
public sealed class HostileDocumentTests : IDisposable
{
    private const string Script = "<script>alert('pwned')</script>";
    private const string Image = "\"><img src=x onerror=alert(1)>";
    private const string Bold = "<b onmouseover=alert(2)>高危指标</b>";

    private readonly TempFolder _temp = new();
    private readonly WebFixture _web;

    public HostileDocumentTests()
    {
        var corpus = Path.Combine(_temp.Path, "corpus");
        var folder = Path.Combine(corpus, "广东省", "清远市", "恶意区");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.Corpus, "indicators.json"), Path.Combine(corpus, "indicators.json"));

        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Corpus, "广东省", "清远市", "清城区", "plans.txt")).ToList();
        var goal = lines.FindIndex(l => l.StartsWith("2. 孕产妇死亡率下降到", StringComparison.Ordinal));
        Assert.True(goal > 0);
        lines[goal] += Script + Image;
        lines.Insert(goal + 1, $"2a. {Bold}达到 90%以上{Script}。");
        File.WriteAllLines(Path.Combine(folder, "plans.txt"), lines);

        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus, "广东省", "清远市", "清城区", "meta.json")))!.AsObject();
        meta["display_name"] = "恶意区" + Script;
        meta["issuer"] = Image;
        meta["document_number"] = Bold;
        meta.Remove("sha256");
        File.WriteAllText(Path.Combine(folder, "meta.json"), meta.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        _web = new WebFixture(corpus);
    }

    [Fact]
    public async Task Every_page_shows_the_documents_markup_as_text()
    {
        var id = Uri.EscapeDataString(Assert.Single(_web.Data.Read).Document.Id);
        var pages = new[]
        {
            "/",
            "/district/" + id,
            "/source/" + id,
            "/source/" + id + "?line=93",
            "/search?q=" + Uri.EscapeDataString("孕产妇死亡率"),
            "/search?q=" + Uri.EscapeDataString("高危指标"),
            "/search?q=alert",
            "/search?q=" + Uri.EscapeDataString(Script) + "&domain=" + Uri.EscapeDataString(Image),
            "/tables?plan=women",
            "/tables?plan=women&view=measures",
            "/tables?plan=women&indicator=" + Uri.EscapeDataString(Bold),
            "/indicator/" + Uri.EscapeDataString("孕产妇死亡率"),
            "/indicator/" + Uri.EscapeDataString(Script),
        };
        var escaped = 0;
        foreach (var page in pages)
        {
            var (_, body) = await _web.Get(page);
            Assert.DoesNotContain("<script>alert", body);
            Assert.DoesNotContain("<img", body);
            Assert.DoesNotContain("<b onmouseover", body);
            escaped += body.Contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", StringComparison.Ordinal) ? 1 : 0;
        }

        // The markup is there to see, as text, on most pages (not on a search that found nothing of it).
        Assert.True(escaped >= 8, $"escaped markup shown on {escaped} pages");
    }

    [Fact]
    public async Task The_hostile_goal_is_indexed_and_found_with_its_markup_as_text()
    {
        var (status, body) = await _web.Get("/search?q=" + Uri.EscapeDataString("高危指标"));
        Assert.Equal(200, status);
        Assert.Contains("&lt;b onmouseover=alert(2)&gt;", body);
    }

    public void Dispose()
    {
        _web.Dispose();
        _temp.Dispose();
    }
}
