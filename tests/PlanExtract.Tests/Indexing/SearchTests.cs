using PlanExtract.Indexing;

namespace PlanExtract.Tests.Indexing;

public sealed class SearchTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void Smoke()
    {
        var result = index.Search("乳腺癌", 20);
        foreach (var hit in result.Hits)
        {
            Console.WriteLine($"{hit.Kind} [{hit.Source}] {hit.Score:F2} {hit.District} {hit.Plan} {hit.Domain} {hit.Section} {hit.Item} {hit.Source}:{hit.Line} {hit.Snippet}");
        }

        Console.WriteLine(string.Join(", ", result.ByDistrict.Select(p => $"{p.Key}={p.Value}")));
        Console.WriteLine(string.Join(", ", result.ByDomain.Select(p => $"{p.Key}={p.Value}")));
        Assert.NotEmpty(result.Hits);
    }
}
