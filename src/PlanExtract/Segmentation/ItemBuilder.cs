using System.Text;
using PlanExtract.Model;

namespace PlanExtract.Segmentation;

/// <summary>Collects an item's lines, joining a sentence the conversion broke across lines or pages.</summary>
internal sealed class ItemBuilder(string number, PlanLine first, string source)
{
    private readonly StringBuilder _text = new();
    private readonly List<ItemLine> _lines = [];

    public string Number { get; } = number;

    public bool IsEmpty => _text.Length == 0;

    /// <summary>True when the text so far ends a sentence: a new paragraph then starts a new item.</summary>
    public bool EndsSentence => _text.Length > 0 && "。！？；!?;：:”\"）)".Contains(_text[^1]);

    public void Append(string text, PlanLine line)
    {
        if (text.Length == 0)
        {
            return;
        }

        // Chinese is written without spaces; only Latin words or numbers meeting at the break need one.
        if (_text.Length > 0 && IsLatin(_text[^1]) && IsLatin(text[0]))
        {
            _text.Append(' ');
        }

        _lines.Add(new ItemLine(_text.Length, line.Line, line.Page));
        _text.Append(text);
    }

    public Item Build()
    {
        var lines = _lines.Count > 0 ? _lines : [new ItemLine(0, first.Line, first.Page)];
        // The item stands where its number does, even when its text starts on the next line.
        return new Item(Number, _text.ToString(), new SourceSpan(source, first.Line, first.Page), lines);
    }

    private static bool IsLatin(char c) => c < 0x80 && char.IsLetterOrDigit(c);
}

internal sealed class SectionBuilder(SectionKind kind, string heading, PlanLine? first, string source)
{
    public SectionKind Kind { get; } = kind;

    public string Heading { get; } = heading;

    public List<ItemBuilder> Items { get; } = [];

    public ItemBuilder? Current => Items.Count > 0 ? Items[^1] : null;

    /// <summary>The text between a plan's title and its first heading.</summary>
    public bool IsPreface { get; init; }

    /// <summary>Whether the document numbers this section's items (else paragraphs are the items).</summary>
    public bool IsNumbered { get; set; }

    public Section Build() => new(
        Kind,
        Heading,
        new SourceSpan(source, first?.Line, first?.Page),
        // A bare number at the end of a page ("3.", its text on the next page) is still the item.
        [.. Items.Where(i => !i.IsEmpty || (IsNumbered && i == Items[^1])).Select(i => i.Build())]);
}
