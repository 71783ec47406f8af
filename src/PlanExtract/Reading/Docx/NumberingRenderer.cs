using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanExtract.Reading.Docx;

/// <summary>
/// Shows a paragraph's automatic number the way Word does. Plans written in Word and converted
/// by pandoc keep "3." "一、" "（二）" only in numbering.xml, never in the text runs, and the
/// segmenter finds items and headings by those numbers.
/// </summary>
/// <remarks>
/// Counters belong to the abstract list, so two w:num that share an abstractNum continue one
/// sequence (Word's behaviour); a w:num with a startOverride restarts its level the first time
/// it is used, which is how pandoc restarts every list at 1 and resumes one at 3 after a
/// paragraph that broke it. Using a level resets the deeper levels.
/// </remarks>
internal sealed class NumberingRenderer
{
    private const int MaxLevels = 9;

    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly string? _defaultStyleId;
    private readonly Dictionary<int, ListCounters> _counters = [];
    private readonly HashSet<(int NumId, int Level)> _overridesApplied = [];
    private readonly Dictionary<int, LevelDefinition?[]> _definitions = [];

    private readonly int _maxLabelChars;

    public NumberingRenderer(Numbering? numbering, Styles? styles, int maxLabelChars)
    {
        _maxLabelChars = maxLabelChars;
        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
        {
            if (Number(instance.NumberID, "w:numId") is { } id)
            {
                _instances[id] = instance;
            }
        }

        foreach (var abstractNum in numbering?.Elements<AbstractNum>() ?? [])
        {
            if (Number(abstractNum.AbstractNumberId, "w:abstractNumId") is { } id)
            {
                _abstracts[id] = abstractNum;
            }
        }

        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && style.Type?.InnerText is null or "paragraph" or "numbering")
            {
                _styles.TryAdd(id, style);
                if (style.Default?.Value == true && style.Type?.InnerText is null or "paragraph")
                {
                    _defaultStyleId ??= id;
                }
            }
        }
    }

    /// <summary>The label Word shows before the paragraph ("3. ", "一、", "（二）"), or empty.</summary>
    public string Next(ParagraphProperties? properties)
    {
        if (Resolve(properties) is not var (numId, level) || numId == 0)
        {
            return string.Empty;
        }

        if (!_instances.TryGetValue(numId, out var instance) || AbstractOf(instance, 0) is not { } abstractNum)
        {
            return string.Empty;
        }

        if (!_definitions.TryGetValue(numId, out var definitions))
        {
            definitions = new LevelDefinition?[MaxLevels];
            for (var i = 0; i < MaxLevels; i++)
            {
                definitions[i] = LevelOf(instance, abstractNum, i);
            }

            _definitions[numId] = definitions;
        }

        var definition = definitions[level];
        if (definition is null)
        {
            return string.Empty;
        }

        var counters = Counters(abstractNum);
        if (StartOverride(instance, level) is { } start && _overridesApplied.Add((numId, level)))
        {
            counters.Value[level] = (long)start - 1;
            counters.Used[level] = true;
        }
        else if (!counters.Used[level])
        {
            counters.Value[level] = (long)definition.Start - 1;
            counters.Used[level] = true;
        }

        counters.Value[level]++;
        for (var deeper = level + 1; deeper < MaxLevels; deeper++)
        {
            if (definitions[deeper] is not { } d || d.RestartsAfter(level))
            {
                counters.Used[deeper] = false;
            }
        }

        if (NumberFormat.ShowsNoNumber(definition.Format) || definition.Text is null)
        {
            // A bullet is a glyph, often a private-use Symbol character: it is not a number and
            // would only get in the way of reading the text.
            return string.Empty;
        }

        var label = RenderText(definition, definitions, counters, _maxLabelChars);
        return label.Length == 0 ? label : label + definition.Suffix;
    }

    private static string RenderText(LevelDefinition definition, LevelDefinition?[] definitions, ListCounters counters, int maxLabelChars)
    {
        var text = definition.Text!;
        var sb = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9')
            {
                var level = text[i + 1] - '1';
                var shown = definitions[level];
                // A level above that has not been used yet shows its start value, as Word does.
                var value = counters.Used[level] ? counters.Value[level] : shown?.Start ?? 1;
                var format = definition.IsLegal ? "decimal" : shown?.Format ?? "decimal";
                sb.Append(NumberFormat.Format(value, format, maxLabelChars));
                i++;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>numId and level from the paragraph, else from its style and the styles it is based on.</summary>
    private (int NumId, int Level)? Resolve(ParagraphProperties? properties)
    {
        // pandoc writes pStyle after numPr, out of schema order: find children by type, not position.
        var direct = properties?.GetFirstChild<NumberingProperties>();
        var styleId = properties?.GetFirstChild<ParagraphStyleId>()?.Val?.Value ?? _defaultStyleId;
        int? numId = Number(direct?.GetFirstChild<NumberingId>()?.Val, "w:numId");
        int? level = Number(direct?.GetFirstChild<NumberingLevelReference>()?.Val, "w:ilvl");
        if (numId is null || level is null)
        {
            var (styleNumId, styleLevel) = FromStyle(styleId);
            numId ??= styleNumId;
            level ??= styleLevel;
        }

        if (numId is not { } id)
        {
            return null;
        }

        level ??= LevelLinkedToStyle(id, styleId) ?? 0;
        return (id, Math.Clamp(level.Value, 0, MaxLevels - 1));
    }

    private (int? NumId, int? Level) FromStyle(string? styleId)
    {
        int? numId = null, level = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (styleId is not null && seen.Add(styleId) && _styles.TryGetValue(styleId, out var style))
        {
            var numPr = style.StyleParagraphProperties?.GetFirstChild<NumberingProperties>();
            numId ??= Number(numPr?.GetFirstChild<NumberingId>()?.Val, "w:numId");
            level ??= Number(numPr?.GetFirstChild<NumberingLevelReference>()?.Val, "w:ilvl");
            if (numId is not null)
            {
                break;
            }

            styleId = style.BasedOn?.Val?.Value;
        }

        return (numId, level);
    }

    /// <summary>A heading style linked to a list level (w:lvl/w:pStyle) takes that level.</summary>
    private int? LevelLinkedToStyle(int numId, string? styleId)
    {
        if (styleId is null || !_instances.TryGetValue(numId, out var instance) || AbstractOf(instance, 0) is not { } abstractNum)
        {
            return null;
        }

        return abstractNum.Elements<Level>()
            .FirstOrDefault(l => l.GetFirstChild<ParagraphStyleIdInLevel>()?.Val?.Value == styleId) is { } linked ? Number(linked.LevelIndex, "w:ilvl") : null;
    }

    /// <summary>The abstract list of a w:num, following numStyleLink to the list a numbering style names.</summary>
    private AbstractNum? AbstractOf(NumberingInstance instance, int depth)
    {
        if (depth > 4 || Number(instance.AbstractNumId?.Val, "w:abstractNumId") is not { } id || !_abstracts.TryGetValue(id, out var abstractNum))
        {
            return null;
        }

        var link = abstractNum.GetFirstChild<NumberingStyleLink>()?.Val?.Value;
        if (link is not null && _styles.TryGetValue(link, out var style)
            && style.StyleParagraphProperties?.GetFirstChild<NumberingProperties>()?.GetFirstChild<NumberingId>()?.Val is var linkedVal && Number(linkedVal, "w:numId") is { } linkedNumId
            && _instances.TryGetValue(linkedNumId, out var linked))
        {
            return AbstractOf(linked, depth + 1) ?? abstractNum;
        }

        return abstractNum;
    }

    private static LevelDefinition? LevelOf(NumberingInstance instance, AbstractNum abstractNum, int level)
    {
        var replaced = OverrideOf(instance, level)?.GetFirstChild<Level>();
        var definition = replaced ?? abstractNum.Elements<Level>().FirstOrDefault(l => Number(l.LevelIndex, "w:ilvl") == level);
        return definition is null ? null : LevelDefinition.From(definition);
    }

    private static int? StartOverride(NumberingInstance instance, int level)
    {
        var levelOverride = OverrideOf(instance, level);
        return Number(levelOverride?.GetFirstChild<StartOverrideNumberingValue>()?.Val, "w:startOverride")
            ?? Number(levelOverride?.GetFirstChild<Level>()?.GetFirstChild<StartNumberingValue>()?.Val, "w:start");
    }

    private static LevelOverride? OverrideOf(NumberingInstance instance, int level) =>
        instance.Elements<LevelOverride>().FirstOrDefault(o => Number(o.LevelIndex, "w:ilvl") == level);

    /// <summary>
    /// A number attribute of numbering.xml: absent or empty is absent (the default applies); text
    /// that is not a whole number in the int range is a malformed document, said plainly rather
    /// than as the SDK's parse error on first use (w:start="99999999999999999999").
    /// </summary>
    private static int? Number(Int32Value? value, string attribute)
    {
        var text = value?.InnerText;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{attribute}=\"{(text.Length > 40 ? text[..40] + "…" : text)}\" in numbering is not a whole number from -2147483648 to 2147483647");
    }

    private ListCounters Counters(AbstractNum abstractNum)
    {
        var id = Number(abstractNum.AbstractNumberId, "w:abstractNumId") ?? -1;
        if (!_counters.TryGetValue(id, out var counters))
        {
            counters = new ListCounters(new long[MaxLevels], new bool[MaxLevels]);
            _counters[id] = counters;
        }

        return counters;
    }

    private sealed record ListCounters(long[] Value, bool[] Used);

    private sealed record LevelDefinition(int Start, string Format, string? Text, string Suffix, bool IsLegal, int? Restart)
    {
        public static LevelDefinition From(Level level)
        {
            var suffix = level.GetFirstChild<LevelSuffix>()?.Val?.InnerText switch
            {
                "nothing" => string.Empty,
                // A tab (the default) or a space: the reader shows either as one space, "3. 文本".
                _ => " ",
            };
            var restart = Number(level.GetFirstChild<LevelRestart>()?.Val, "w:lvlRestart");
            return new LevelDefinition(
                Number(level.GetFirstChild<StartNumberingValue>()?.Val, "w:start") ?? 1,
                level.GetFirstChild<NumberingFormat>()?.Val?.InnerText ?? "decimal",
                level.GetFirstChild<LevelText>()?.Val?.Value,
                suffix,
                level.GetFirstChild<IsLegalNumberingStyle>() is { } legal && (legal.Val?.Value ?? true),
                restart);
        }

        /// <summary>Whether using <paramref name="shallower"/> (0-based) restarts this level: always, unless w:lvlRestart says otherwise.</summary>
        public bool RestartsAfter(int shallower) => Restart switch
        {
            null => true,
            0 => false,
            // w:lvlRestart names the 1-based level whose use (or any shallower one's) restarts this one.
            var r => shallower + 1 <= r,
        };
    }
}
