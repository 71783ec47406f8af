namespace PlanExtract.Tests.Reporting;

public sealed class CommittedTablesTests
{
    [Theory]
    [InlineData("women.md")]
    [InlineData("children.md")]
    [InlineData("measures-women.md")]
    [InlineData("measures-children.md")]
    public void Committed_table_is_what_the_code_writes_now(string name)
    {
        var generated = TableFiles.Read(name);
        var committed = Path.Combine(RepoPaths.Root, "output", "tables", name);
        Assert.True(File.Exists(committed), $"{committed} is missing: run `dotnet run --project src/PlanExtract.Cli -- build` and commit output/tables/");
        Assert.Equal(File.ReadAllText(committed).ReplaceLineEndings("\n"), generated);
    }
}
