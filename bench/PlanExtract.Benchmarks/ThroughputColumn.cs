using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PlanExtract.Benchmarks;

/// <summary>Pages or paragraphs per second, from the mean time of one read of the fixture.</summary>
public sealed class ThroughputColumn : IColumn
{
    private readonly Dictionary<string, (int Count, string Unit)> _units = [];

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "Throughput";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Pages (PDF) or paragraphs (.docx) read per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (summary[benchmarkCase]?.ResultStatistics?.Mean is not { } nanoseconds
            || benchmarkCase.Parameters["Fixture"] is not string fixture)
        {
            return "-";
        }

        if (!_units.TryGetValue(fixture, out var units))
        {
            units = Fixtures.Units(fixture);
            _units[fixture] = units;
        }

        var perSecond = units.Count / (nanoseconds / 1e9);
        return string.Create(CultureInfo.InvariantCulture, $"{perSecond:F0} {units.Unit}/s ({units.Count})");
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
