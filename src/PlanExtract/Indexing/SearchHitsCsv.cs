using System.Globalization;
using System.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// Writes search hits as CSV (<c>search --format csv</c>, RFC 4180, UTF-8 with BOM so a
/// spreadsheet reads the Chinese): one row per hit, then rows of kind <c>total</c>,
/// <c>by_district</c> and <c>by_domain</c> whose <c>count</c> column holds the totals.
/// </summary>
public static class SearchHitsCsv
{
    public static readonly string[] Columns =
    [
        "kind", "district", "plan", "domain", "section", "item", "line", "page", "source", "text", "snippet",
        "indicator", "indicator_id", "comparator", "value", "unit", "year", "score", "count",
    ];

    public static void Write(Stream stream, SearchResult result)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        Row(writer, Columns);
        foreach (var hit in result.Hits)
        {
            var target = hit.Target;
            Row(writer, [
                hit.Kind, hit.District, hit.Plan, hit.Domain, hit.Section, hit.Item, Number(hit.Line), Number(hit.Page), hit.Source, hit.Text, hit.Snippet,
                target?.Indicator, target?.IndicatorId, target?.Comparator, target?.Value, target?.Unit, Number(target?.Year),
                hit.Score.ToString("0.####", CultureInfo.InvariantCulture), null,
            ]);
        }

        Summary(writer, "total", null, null, result.TotalHits);
        foreach (var (district, count) in result.ByDistrict)
        {
            Summary(writer, "by_district", district, null, count);
        }

        foreach (var (domain, count) in result.ByDomain)
        {
            Summary(writer, "by_domain", null, domain, count);
        }
    }

    private static void Summary(StreamWriter writer, string kind, string? district, string? domain, int count)
    {
        var row = new string?[Columns.Length];
        row[0] = kind;
        row[1] = district;
        row[3] = domain;
        row[^1] = count.ToString(CultureInfo.InvariantCulture);
        Row(writer, row);
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Row(StreamWriter writer, IReadOnlyList<string?> cells)
    {
        writer.WriteLine(string.Join(",", cells.Select(Cell)));
    }

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
