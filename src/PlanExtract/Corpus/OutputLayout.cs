using PlanExtract.Indicators;

namespace PlanExtract.Corpus;

/// <summary>
/// What a build writes under its output folder (the contract's layout), every name spelled here
/// once: <c>targets.jsonl</c>, <c>tables/</c>, and <c>index/</c> with <c>records.jsonl</c> beside
/// the Lucene generations.
/// </summary>
public sealed class OutputLayout(string root)
{
    public const string TargetsFile = "targets.jsonl";
    public const string IndexFolder = "index";
    public const string TablesFolder = "tables";

    /// <summary>Beside the Lucene generations: one line per document, its slimmed tree, for the tables of an incremental build.</summary>
    public const string RecordsFile = "records.jsonl";

    /// <summary>The corpus's indicator catalog (in the corpus folder, not the output).</summary>
    public const string CatalogFile = IndicatorCatalog.FileName;

    public string Root { get; } = root;

    public string Targets => Path.Combine(Root, TargetsFile);

    public string Index => Path.Combine(Root, IndexFolder);

    public string Tables => Path.Combine(Root, TablesFolder);

    public string Records => Path.Combine(Index, RecordsFile);

    /// <summary>What the last build kept for updating a country's tables part by part (Reporting/TableState).</summary>
    public string TableState => Path.Combine(Index, "tables.state");

    /// <summary>Beside the Lucene generations: where each document's lines lie in <paramref name="file"/> (targets.jsonl, records.jsonl), for the next update's copy.</summary>
    public string RunsOf(string file) => Path.Combine(Index, Path.GetFileName(file) + ".runs");
}
