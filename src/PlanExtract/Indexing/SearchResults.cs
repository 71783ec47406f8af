namespace PlanExtract.Indexing;

/// <summary>What to look for and where. Filters left null do not filter.</summary>
public sealed record SearchRequest(string Query)
{
    /// <summary>A district's display name or part of it ("清城" finds 清远市清城区).</summary>
    public string? District { get; init; }

    /// <summary><c>women</c> or <c>children</c>.</summary>
    public string? Plan { get; init; }

    /// <summary>A domain name or part of it ("健康" finds 妇女与健康 and 儿童与健康).</summary>
    public string? Domain { get; init; }

    /// <summary><c>goal</c>, <c>measure</c>, <c>project</c> or <c>other</c>.</summary>
    public string? Section { get; init; }

    public int Limit { get; init; } = 10;
}

/// <summary>A part of a snippet that matched the query: where it starts in the snippet and how long it is.</summary>
public readonly record struct Mark(int Start, int Length);

/// <summary>One hit in the contract's shape, plus the match marks so a terminal can render them in bold.</summary>
public sealed record SearchHit(
    float Score,
    string Kind,
    string District,
    string Plan,
    string? Domain,
    string Section,
    string? Item,
    string Text,
    string SnippetText,
    IReadOnlyList<Mark> Marks,
    string Source,
    int? Line,
    int? Page,
    int? ItemLine)
{
    /// <summary>The snippet with <c>**</c> around the matched terms, as the contract's <c>snippet</c>.</summary>
    public string Snippet => Render("**", "**");

    public string Render(string open, string close)
    {
        var builder = new System.Text.StringBuilder(SnippetText.Length + Marks.Count * (open.Length + close.Length));
        var at = 0;
        foreach (var mark in Marks)
        {
            builder.Append(SnippetText, at, mark.Start - at).Append(open).Append(SnippetText, mark.Start, mark.Length).Append(close);
            at = mark.Start + mark.Length;
        }

        return builder.Append(SnippetText, at, SnippetText.Length - at).ToString();
    }
}

/// <summary>The best hits, and how all hits (not only the shown ones) fall across districts and domains.</summary>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits,
    int TotalHits,
    IReadOnlyList<KeyValuePair<string, int>> ByDistrict,
    IReadOnlyList<KeyValuePair<string, int>> ByDomain);
