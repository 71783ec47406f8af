using System.Text;
using PlanExtract.Model;
using PlanExtract.Web.Pages;

namespace PlanExtract.Web;

/// <summary>
/// Where each page lives. The server answers queries (<c>/tables?plan=women</c>); the published
/// site is a folder of flat files (<c>tables-women.html</c>). Pages are written once against this
/// and work in both.
/// </summary>
public interface ISiteLinks
{
    /// <summary>The server can search; a published site cannot.</summary>
    bool Search { get; }

    string Home { get; }

    string Asset(string name);

    string SearchPage(SearchParameters parameters);

    string Tables(TableParameters parameters);

    string Download(TableParameters parameters, string format);

    /// <summary>A country's national summary of a plan type, as build writes it (summary-women.md).</summary>
    string SummaryDownload(TableParameters parameters);

    string Indicator(string id);

    /// <summary>A page of an indicator's values at country scale (page 1 is <see cref="Indicator(string)"/>).</summary>
    string Indicator(string id, int page);

    string District(string documentId);

    /// <summary>The source view at a line (txt/md/docx) or page (pdf).</summary>
    string Source(string documentId, int? line, int? page);
}

/// <summary>Links of the running server: paths and query strings.</summary>
public sealed class ServerLinks : ISiteLinks
{
    public bool Search => true;

    public string Home => "/";

    public string Asset(string name) => "/" + name;

    public string SearchPage(SearchParameters p) => "/search" + Query(
        ("q", p.Query), ("district", p.District), ("plan", p.Plan), ("domain", p.Domain), ("section", p.Section),
        ("page", p.Page > 1 ? p.Page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));

    public string Tables(TableParameters p) => "/tables" + Query(("plan", p.Plan.ToContractName()), ("view", p.Measures ? "measures" : null), ("part", p.PartName), ("domain", p.Domain), ("indicator", p.Indicator));

    public string Download(TableParameters p, string format) => "/tables/download" + Query(("plan", p.Plan.ToContractName()), ("part", p.PartName), ("domain", p.Domain), ("indicator", p.Indicator), ("format", format));

    public string SummaryDownload(TableParameters p) => Download(p with { Part = null }, "md");

    public string Indicator(string id) => "/indicator/" + Uri.EscapeDataString(id);

    public string Indicator(string id, int page) => Indicator(id) + (page > 1 ? "?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    public string District(string documentId) => "/district/" + Uri.EscapeDataString(documentId);

    public string Source(string documentId, int? line, int? page) =>
        "/source/" + Uri.EscapeDataString(documentId) + (line is { } l ? $"?line={l}#L{l}" : page is { } p ? $"#P{p}" : string.Empty);

    private static string Query(params (string Name, string? Value)[] pairs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return text.ToString();
    }
}

/// <summary>Links of the published site: every page a file in one folder, named from its subject.</summary>
public sealed class StaticLinks : ISiteLinks
{
    public bool Search => false;

    public string Home => "index.html";

    public string Asset(string name) => name;

    public string SearchPage(SearchParameters parameters) => Home;

    public string Tables(TableParameters p) => Escape(TablesFile(p.Plan, p.Measures, p.PartName));

    public string Download(TableParameters p, string format) => Escape(DownloadFile(p.Plan, format, p.PartName));

    public string SummaryDownload(TableParameters p) => Escape(SummaryFile(p.Plan));

    public string Indicator(string id) => Escape(IndicatorFile(id));

    public string Indicator(string id, int page) => Escape(IndicatorFile(id, page));

    public string District(string documentId) => Escape(DistrictFile(documentId));

    public string Source(string documentId, int? line, int? page) =>
        Escape(SourceFile(documentId)) + (line is { } l ? $"#L{l}" : page is { } p ? $"#P{p}" : string.Empty);

    /// <summary>tables-women.html; a part of a country's tables tables-women--广东省_清远市.html.</summary>
    public static string TablesFile(PlanKind plan, bool measures, string? part = null) => $"{(measures ? "measures" : "tables")}-{plan.ToContractName()}{PartSuffix(part)}.html";

    public static string DownloadFile(PlanKind plan, string format, string? part = null) => $"{plan.ToContractName()}{PartSuffix(part)}.{format}";

    /// <summary>The national summary's name as build writes it under tables/.</summary>
    public static string SummaryFile(PlanKind plan) => $"{Reporting.CountryTables.SummaryPrefix}{plan.ToContractName()}.md";

    /// <summary>indicator-孕产妇死亡率.html; its later pages at country scale indicator-孕产妇死亡率--p2.html.</summary>
    public static string IndicatorFile(string id, int page = 1) => "indicator-" + Safe(id) + (page > 1 ? "--p" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ".html";

    public static string DistrictFile(string documentId) => "district-" + Safe(documentId) + ".html";

    public static string SourceFile(string documentId) => "source-" + Safe(documentId) + ".html";

    private static string PartSuffix(string? part) => part is null ? string.Empty : "--" + Safe(part);

    // Indicator names hold "/" and "（": a file name keeps the letters and makes the rest "_".
    private static string Safe(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return text.ToString();
    }

    private static string Escape(string file) => Uri.EscapeDataString(file);
}
