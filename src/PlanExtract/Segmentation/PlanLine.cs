using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Segmentation;

/// <summary>
/// A source block with its Markdown marks taken off (heading hashes, bold stars) and a folded
/// copy for matching (full-width digits and brackets made half-width), one char for one char.
/// </summary>
public sealed record PlanLine(string Text, string Folded, int? Line, int? Page)
{
    public static PlanLine? From(SourceBlock block)
    {
        var text = StripMarkup(block.Text);
        return text.Length == 0 ? null : new PlanLine(text, CharFold.Fold(text), block.Line, block.Page);
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
