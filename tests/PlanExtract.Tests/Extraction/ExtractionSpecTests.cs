namespace PlanExtract.Tests.Extraction;

/// <summary>
/// Real corpus sentences and the records they must give, kept side by side in
/// Specs/extraction.md (corpus sentences) and Specs/extraction-unseen.md (other districts' wording), Specs/extraction-unseen-dev.md (the unseen development half), STYLE.md §6. "—" in the expected column means: no target.
/// </summary>
public sealed class ExtractionSpecTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var file in new[] { "extraction.md", "extraction-unseen.md", "extraction-unseen-dev.md" })
        {
            foreach (var row in SpecTable.Read(file))
            {
                data.Add(row[0], row[1], row[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sentence_gives_expected_records(string rule, string sentence, string expected)
    {
        var actual = SentenceExtraction.Extract(sentence).Select(SentenceExtraction.Render).ToList();
        var wanted = expected == "—" ? [] : expected.Split(" ; ").Select(e => e.Trim()).ToList();
        Assert.True(
            wanted.SequenceEqual(actual, StringComparer.Ordinal),
            $"[{rule}] {sentence}\n  expected: {string.Join(" ; ", wanted)}\n  actual:   {string.Join(" ; ", actual)}");
    }

    [Fact]
    public void Spec_table_covers_at_least_sixty_sentences() =>
        Assert.True(SpecTable.Read("extraction.md").Count >= 60);
}
