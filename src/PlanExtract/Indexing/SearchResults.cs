namespace PlanExtract.Indexing;

/// <summary>What to look for and where. Filters left null do not filter.</summary>
/// <param name="Query">The user's text; may be empty when a target filter says what to list.</param>
public sealed record SearchRequest(string Query)
{
    /// <summary>A district's display name or part of it ("清城" finds 清远市清城区).</summary>
    public string? District { get; init; }

    /// <summary><c>women</c> or <c>children</c>, in any case.</summary>
    public string? Plan { get; init; }

    /// <summary>A domain name or part of it ("健康" finds 妇女与健康 and 儿童与健康).</summary>
    public string? Domain { get; init; }

    /// <summary><c>goal</c>, <c>measure</c>, <c>project</c> or <c>other</c>, in any case.</summary>
    public string? Section { get; init; }

    /// <summary>Targets of this indicator: its canonical id or the name as a plan writes it.</summary>
    public string? Indicator { get; init; }

    /// <summary>Targets whose value lies in this range (<see cref="ValueRange.Parse"/>: 5..10, &lt;=10, &gt;=95, 8).</summary>
    public ValueRange? Value { get; init; }

    /// <summary>Targets in this unit (%, 1/10万, ‰), as the target records write it.</summary>
    public string? Unit { get; init; }

    /// <summary>Targets with this comparator (&lt;=, &gt;=, =, up, down …).</summary>
    public string? Comparator { get; init; }

    /// <summary>Targets with this deadline year.</summary>
    public int? Year { get; init; }

    public int Limit { get; init; } = 10;

    /// <summary>How many of the best hits to skip (paging).</summary>
    public int Offset { get; init; }

    /// <summary>How plain words are matched; the default is the measured best (docs/SEARCH.md).</summary>
    public QueryChain Chain { get; init; } = QueryChain.WordsAndBigrams;

    /// <summary>True when a filter asks for targets only.</summary>
    public bool TargetsOnly => Indicator is not null || Value is not null || Unit is not null || Comparator is not null || Year is not null;
}

/// <summary>A part of a snippet that matched the query: where it starts in the snippet and how long it is.</summary>
public readonly record struct Mark(int Start, int Length);

/// <summary>A target hit's own fields, as its record in targets.jsonl has them.</summary>
public sealed record TargetFields(string Indicator, string? IndicatorId, string Comparator, string? Value, string? Unit, int? Year)
{
    /// <summary>Value and unit as the tables write them: 8/10万 for 8 in 1/10万, 90% for 90 in %.</summary>
    public string Quantity => Value is null ? Unit ?? string.Empty
        : Unit is { } unit && unit.StartsWith("1/", StringComparison.Ordinal) ? Value + unit[1..] : Value + Unit;
}

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
    /// <summary>Set for a target hit.</summary>
    public TargetFields? Target { get; init; }

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
/// <param name="TotalHits">Matching items (or targets, for a target search), not only the shown ones.</param>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits,
    int TotalHits,
    IReadOnlyList<KeyValuePair<string, int>> ByDistrict,
    IReadOnlyList<KeyValuePair<string, int>> ByDomain)
{
    /// <summary>Set when the query as written found too little and a looser one was run: says which, for above the hits.</summary>
    public string? Relaxed { get; init; }

    /// <summary>Text in the index close to words it lacks (心里健康 → 心理健康), and catalog indicators close to the query.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>True when the hits and counts are targets (a target filter), not items.</summary>
    public bool OfTargets { get; init; }

    /// <summary>How many of the best hits were skipped (<see cref="SearchRequest.Offset"/>).</summary>
    public int Offset { get; init; }
}
