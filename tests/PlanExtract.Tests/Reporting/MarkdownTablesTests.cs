using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Tests.Reporting;

public sealed class MarkdownTablesTests
{
    private static readonly MarkdownPipeline _markdig = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Each <c>##</c> heading with the pipe table under it: (heading, header cells, body rows as raw cell texts).</summary>
    internal static List<(string Heading, List<string> Header, List<List<string>> Rows)> Tables(string markdown)
    {
        var document = Markdown.Parse(markdown, _markdig);
        var tables = new List<(string, List<string>, List<List<string>>)>();
        string? heading = null;
        foreach (var block in document)
        {
            if (block is HeadingBlock { Level: 2 } h)
            {
                heading = markdown.Substring(h.Span.Start, h.Span.Length).TrimStart('#', ' ');
            }
            else if (block is Table table)
            {
                var rows = table.OfType<Markdig.Extensions.Tables.TableRow>()
                    .Select(r => r.OfType<TableCell>().Select(c => markdown.Substring(c.Span.Start, c.Span.Length).Trim()).ToList()).ToList();
                var header = table.OfType<Markdig.Extensions.Tables.TableRow>().First();
                Assert.True(header.IsHeader);
                tables.Add((heading ?? string.Empty, rows[0], rows.Skip(1).ToList()));
            }
        }

        return tables;
    }

    [Theory]
    [InlineData(PlanKind.Women, "women.md")]
    [InlineData(PlanKind.Children, "children.md")]
    public void Indicator_table_has_a_pipe_table_per_domain_with_a_column_per_district(PlanKind plan, string file)
    {
        var model = CrossTableBuilder.Build(CorpusResults.All, plan, CorpusResults.Catalog);
        var tables = Tables(TableFiles.Read(file));
        Assert.Equal(model.Domains.Select(d => d.Domain), tables.Select(t => t.Heading));
        for (var i = 0; i < tables.Count; i++)
        {
            var (_, header, rows) = tables[i];
            Assert.Equal(["指标", .. model.Districts.Select(d => d.Name)], header);
            Assert.Equal(model.Domains[i].Rows.Count + 1, rows.Count);
            Assert.All(rows, r => Assert.Equal(model.Districts.Count + 1, r.Count));
            Assert.Equal("**目标数**", rows[^1][0]);
        }

        var expectedDistricts = plan == PlanKind.Women
            ? new[] { "深圳市宝安区", "清远市", "清远市清城区", "桂林市荔浦市" }
            : ["深圳市宝安区", "清远市清城区", "桂林市荔浦市"];
        Assert.Equal(expectedDistricts, model.Districts.Select(d => d.Name));
    }

    [Fact]
    public void Every_target_shows_up_in_its_plan_table()
    {
        foreach (var plan in new[] { PlanKind.Women, PlanKind.Children })
        {
            var model = CrossTableBuilder.Build(CorpusResults.All, plan, CorpusResults.Catalog);
            var shown = model.Domains.SelectMany(d => d.Rows).SelectMany(r => r.Cells).SelectMany(c => c).Select(v => (v.Source, v.Line, v.Text)).ToHashSet();
            var targets = CorpusResults.Targets.Where(t => t.Plan == plan.ToContractName()).ToList();
            // A repeated value links to its first statement; every line holding a value is one a cell links to, or repeats one.
            Assert.All(targets, t => Assert.Contains(shown, s => s.Source == t.Source && s.Text.StartsWith(TargetCell.Format(t), StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("measures-women.md", PlanKind.Women)]
    [InlineData("measures-children.md", PlanKind.Children)]
    public void Measures_table_aligns_items_across_districts(string file, PlanKind plan)
    {
        var model = MeasuresCoverage.Build(CorpusResults.All, plan);
        var markdown = TableFiles.Read(file);
        var tables = Tables(markdown);
        Assert.Equal(model.Domains.Select(d => d.Domain), tables.Select(t => t.Heading));
        for (var i = 0; i < tables.Count; i++)
        {
            var (_, header, rows) = tables[i];
            Assert.Equal(["措施", .. model.Districts.Select(d => d.Name)], header);
            Assert.Equal(model.Domains[i].Rows.Count(r => r.Districts > 1) + 1, rows.Count);
            Assert.All(rows, r => Assert.Equal(model.Districts.Count + 1, r.Count));
        }

        // Every measure item is either in an aligned row or listed as what its district added.
        var items = model.Domains.Sum(d => d.Counts.Sum());
        var aligned = model.Domains.SelectMany(d => d.Rows).Where(r => r.Districts > 1).Sum(r => r.Districts);
        var added = model.Domains.SelectMany(d => d.Rows).Count(r => r.Districts == 1);
        Assert.Equal(items, aligned + added);
        Assert.Equal(added, markdown.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains("](", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_template_measure_on_safe_delivery_lines_up_in_every_district()
    {
        var row = Tables(TableFiles.Read("measures-women.md")).Single(t => t.Heading == "妇女与健康").Rows.Single(r => r[0] == "保障孕产妇安全分娩");
        Assert.Equal("[3](../../corpus/广东省/深圳市/宝安区/plans.txt#L103)", row[1]);
        Assert.Equal("[4](../../corpus/广东省/清远市/plans.txt#L56)", row[2]);
        Assert.Equal("[4](../../corpus/广东省/清远市/清城区/plans.txt#L125)", row[3]);
        Assert.StartsWith("[4](../../corpus/广西壮族自治区/桂林市/荔浦市/plans.txt#L", row[4], StringComparison.Ordinal);
    }
}
