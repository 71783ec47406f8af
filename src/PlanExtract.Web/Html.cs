using System.Net;
using System.Text;
using PlanExtract.Web.Pages;

namespace PlanExtract.Web;

/// <summary>
/// A page being written. Every text that may come from a document goes through <see cref="Text"/>
/// or <see cref="Attr"/>, which escape it; only the page's own markup goes through <see cref="Raw"/>.
/// </summary>
public sealed class Html
{
    private readonly StringBuilder _text = new(16 * 1024);

    public Html Raw(string markup)
    {
        _text.Append(markup);
        return this;
    }

    public Html Text(string? text)
    {
        _text.Append(Encode(text));
        return this;
    }

    /// <summary>An element with escaped text: <c>Element("td", name)</c>.</summary>
    public Html Element(string tag, string? text, string? cssClass = null)
    {
        _text.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _text.Append(" class=\"").Append(cssClass).Append('"');
        }

        _text.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A link; the address is escaped as an attribute, the text as text.</summary>
    public Html Link(string href, string? text, string? cssClass = null)
    {
        _text.Append("<a href=\"").Append(Attr(href)).Append('"');
        if (cssClass is not null)
        {
            _text.Append(" class=\"").Append(cssClass).Append('"');
        }

        _text.Append('>').Append(Encode(text)).Append("</a>");
        return this;
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An attribute value, quoted by the caller with <c>"</c>.</summary>
    public static string Attr(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public override string ToString() => _text.ToString();
}

/// <summary>The frame around every page: head, navigation, the one script.</summary>
public static class Layout
{
    public static string Page(ISiteLinks links, string title, Action<Html> body)
    {
        var html = new Html();
        html.Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · PlanExtract</title>")
            .Raw("<link rel=\"stylesheet\" href=\"").Raw(Html.Attr(links.Asset("site.css"))).Raw("\">")
            .Raw("</head><body><header><nav>")
            .Link(links.Home, "PlanExtract", "brand");
        if (links.Search)
        {
            html.Link(links.SearchPage(new SearchParameters()), "检索");
        }

        html.Link(links.Tables(new TableParameters(Model.PlanKind.Women)), "妇女规划表")
            .Link(links.Tables(new TableParameters(Model.PlanKind.Children)), "儿童规划表")
            .Raw("</nav></header><main>");
        body(html);
        html.Raw("</main><footer>PlanExtract · 妇女儿童发展规划数据 · 数值均链接到规划原文</footer>")
            .Raw("<script src=\"").Raw(Html.Attr(links.Asset("site.js"))).Raw("\"></script></body></html>");
        return html.ToString();
    }
}

/// <summary>The script and style sheet every page loads, kept as files in Assets/.</summary>
public static class SiteAssets
{
    public static IReadOnlyList<string> Names { get; } = ["site.css", "site.js"];

    public static string ContentType(string name) => name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";

    public static byte[] Read(string name)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing asset " + name);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
