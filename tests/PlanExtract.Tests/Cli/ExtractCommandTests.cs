using System.Text.Json;

namespace PlanExtract.Tests.Cli;

public sealed class ExtractCommandTests
{
    private static string Plan(string folder) => Path.Combine(RepoPaths.Corpus, folder, "plans.txt");

    [Fact]
    public void Jsonl_has_every_contract_key_on_every_line()
    {
        var (code, output, _) = CliRunner.Run("extract", Plan("广东省/清远市"));
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 50);
        string[] keys = ["district", "plan", "domain", "section", "item", "indicator", "indicator_id", "comparator", "value", "unit", "year", "basis", "population", "text", "source", "line", "page"];
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(keys, json.RootElement.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Maternal_mortality_target_points_at_its_line()
    {
        // 清远市 line 26: "2. 孕产妇死亡率下降到 8/10 万以下，城乡、区域差距逐步缩小。"
        var (_, output, _) = CliRunner.Run("extract", Plan("广东省/清远市"));
        using var json = JsonDocument.Parse(output.Split('\n').First(l => l.Contains("\"孕产妇死亡率\"", StringComparison.Ordinal)));
        var r = json.RootElement;
        Assert.Equal("<=", r.GetProperty("comparator").GetString());
        Assert.Equal("8", r.GetProperty("value").GetString());
        Assert.Equal("1/10万", r.GetProperty("unit").GetString());
        Assert.Equal(26, r.GetProperty("line").GetInt32());
        Assert.Equal("妇女与健康", r.GetProperty("domain").GetString());
        Assert.Equal("goal", r.GetProperty("section").GetString());
        Assert.Equal("2", r.GetProperty("item").GetString());
    }

    [Fact]
    public void Json_prints_the_tree_in_the_contract_shape()
    {
        var (code, output, _) = CliRunner.Run("extract", Plan("广东省/深圳市/宝安区"), "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var plans = json.RootElement.GetProperty("plans");
        Assert.Equal(["women", "children"], plans.EnumerateArray().Select(p => p.GetProperty("plan").GetString()));
        var health = plans[0].GetProperty("domains")[0];
        Assert.Equal("妇女与健康", health.GetProperty("name").GetString());
        var item = health.GetProperty("sections")[1].GetProperty("items")[1];
        Assert.Equal("2", item.GetProperty("number").GetString());
        Assert.StartsWith("孕产妇死亡率下降到6.5/10万以下", item.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, plans[0].GetProperty("projects").GetArrayLength());
    }
}
