using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Segmentation;

/// <summary>
/// A source block with its Markdown marks taken off (heading hashes, bold stars) and a folded
/// copy for matching (full-width digits and brackets made half-width), one char for one char.
/// </summary>
public sealed record PlanLine(string Text, string Folded, int? Line, int? Page)
{
    /// <summary>A piece of a run-in line after its first: text no rule takes joins the item before it.</summary>
    public bool Continues { get; init; }

    /// <summary>The line as written, pinyin remnants and all: a plan's title is kept so ("朝陽市婦女發(fā)展規(guī)劃").</summary>
    public string Written { get; init; } = string.Empty;

    public static PlanLine? From(SourceBlock block) => Make(block.Text, block.Line, block.Page);

    /// <summary>A piece of a line cut by <see cref="RunInSplitter"/>, at the same line and page.</summary>
    internal static PlanLine? Piece(PlanLine line, int start, int length, bool continues) =>
        Make(line.Text.Substring(start, length), line.Line, line.Page) is { } piece ? piece with { Continues = continues } : null;

    private static PlanLine? Make(string raw, int? line, int? page)
    {
        // Pinyin left by a GBK→Big5→GBK round trip ("個(gè)百分點(diǎn)") is debris, not text.
        var written = StripMarkup(raw);
        var text = PinyinRemnants.Strip(written);
        return text.Length == 0 ? null : new PlanLine(text, CharFold.Fold(text), line, page) { Written = written };
    }

    /// <summary>"#### **1. 主要目标**" → "1. 主要目标": headings come at any level, often bold.</summary>
    internal static string StripMarkup(string raw)
    {
        var text = raw.Replace("**", string.Empty, StringComparison.Ordinal).Trim();
        var hashes = 0;
        while (hashes < text.Length && (text[hashes] == '#' || text[hashes] == '＃'))
        {
            hashes++;
        }

        if (hashes > 0 && (hashes == text.Length || char.IsWhiteSpace(text[hashes]) || hashes <= 6))
        {
            text = text[hashes..];
        }

        text = text.Trim().Trim('\u3000').Trim();

        // A Markdown bullet in front of a numbered item: "- (2) 街道社会工作服务站覆盖率…".
        if (text.Length > 2 && text[0] is '-' or '*' or '+' && text[1] == ' ')
        {
            text = text[2..].Trim();
        }

        return text;
    }
}
