using System.Globalization;
using PlanExtract.Model;

namespace PlanExtract.Reporting;

/// <summary>Indicators × districts (wide, for reading), or one row per target (long, for analysis).</summary>
public enum TableLayout
{
    Wide,
    Long,
}

/// <summary>What a table written by <c>table</c> holds, for its header: the filters and the day.</summary>
public sealed record TableScope(PlanKind? Plan, TableFilter Filter, DateOnly Date)
{
    public bool Filtered => Plan is not null || Filter.Domain is not null || Filter.Indicator is not null || Filter.FiltersDistricts;

    /// <summary>"只含：儿童发展规划；领域含“健康”；指标含“死亡率”" or "全部规划、领域与指标".</summary>
    public string Holds
    {
        get
        {
            if (!Filtered)
            {
                return "全部规划、领域与指标";
            }

            var parts = new List<string>();
            if (Plan is { } plan)
            {
                parts.Add(plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划");
            }

            if (Filter.Province is { } province)
            {
                parts.Add($"省“{province}”");
            }

            if (Filter.City is { } city)
            {
                parts.Add($"市“{city}”");
            }

            if (Filter.Domain is { } domain)
            {
                parts.Add($"领域含“{domain}”");
            }

            if (Filter.Indicator is { } indicator)
            {
                parts.Add($"指标含“{indicator}”");
            }

            return "只含：" + string.Join("；", parts);
        }
    }
}

/// <summary>The line under a table's title saying where it comes from.</summary>
public static class TableHeader
{
    /// <summary>What build writes into output/tables/: the whole corpus, regenerated on every build.</summary>
    public const string Build = "由 `planextract build` 从 corpus/ 生成，勿手改。";

    /// <param name="scope">Null for the tables build writes.</param>
    public static string Of(TableScope? scope) => scope is null
        ? Build
        : $"由 `planextract table` 于 {scope.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 从 corpus/ 生成，{scope.Holds}。";
}

/// <param name="LinkFolder">Where the written file will lie: each cell's link to its source line is made relative to it.</param>
public sealed record CrossTableWriteOptions(string LinkFolder)
{
    /// <summary>A web address or folder every source link is written against (<c>--link-base</c>); null for relative links.</summary>
    public string? LinkBase { get; init; }

    /// <summary>Null for the format's own default (<see cref="ICrossTableWriter.DefaultLayout"/>).</summary>
    public TableLayout? Layout { get; init; }

    /// <summary>What the table holds, for its header; null for the tables build writes.</summary>
    public TableScope? Scope { get; init; }

    public SourceLinks Links() => new(LinkFolder, LinkBase);
}

/// <summary>One format of the cross-reference table (<c>table --format</c>).</summary>
public interface ICrossTableWriter
{
    /// <summary>The contract's name for the format: md, csv, docx, xlsx.</summary>
    string Format { get; }

    /// <summary>A binary format cannot go to a terminal: the caller must give a file.</summary>
    bool Binary { get; }

    /// <summary>The layout without <c>--layout</c>: long for csv, which is read by programs; wide for the rest.</summary>
    TableLayout DefaultLayout { get; }

    void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options);
}

/// <summary>The table writers by format, first the default; a new format is one writer added here.</summary>
public static class CrossTableWriters
{
    public static IReadOnlyList<ICrossTableWriter> All { get; } =
        [new MarkdownTableWriter(), new CsvTableWriter(), new DocxTableWriter(), new XlsxTableWriter()];

    public static IEnumerable<string> Formats => All.Select(w => w.Format);

    public static ICrossTableWriter For(string format) =>
        All.FirstOrDefault(w => w.Format == format) ?? throw new PlanExtractException($"no table writer for format '{format}'");

    private sealed class MarkdownTableWriter : ICrossTableWriter
    {
        public string Format => "md";

        public bool Binary => false;

        public TableLayout DefaultLayout => TableLayout.Wide;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options)
        {
            if ((options.Layout ?? DefaultLayout) == TableLayout.Long)
            {
                MarkdownCrossTable.WriteLong(output, tables, options);
            }
            else
            {
                MarkdownCrossTable.Write(output, tables, options);
            }
        }
    }

    private sealed class CsvTableWriter : ICrossTableWriter
    {
        public string Format => "csv";

        public bool Binary => false;

        public TableLayout DefaultLayout => TableLayout.Long;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options)
        {
            if ((options.Layout ?? DefaultLayout) == TableLayout.Long)
            {
                CsvCrossTable.WriteLong(output, tables, options.Links());
            }
            else
            {
                CsvCrossTable.Write(output, tables);
            }
        }
    }

    private sealed class DocxTableWriter : ICrossTableWriter
    {
        public string Format => "docx";

        public bool Binary => true;

        public TableLayout DefaultLayout => TableLayout.Wide;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options) =>
            DocxCrossTable.Write(output, tables, options with { Layout = options.Layout ?? DefaultLayout });
    }

    private sealed class XlsxTableWriter : ICrossTableWriter
    {
        public string Format => "xlsx";

        public bool Binary => true;

        public TableLayout DefaultLayout => TableLayout.Wide;

        public void Write(IReadOnlyList<CrossTable> tables, Stream output, CrossTableWriteOptions options) =>
            XlsxCrossTable.Write(output, tables, options with { Layout = options.Layout ?? DefaultLayout });
    }
}
