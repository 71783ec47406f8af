using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace PlanExtract.Tests.Reading;

/// <summary>Builds small .docx files in memory with the OpenXml SDK, numbering and styles included.</summary>
internal sealed class DocxBuilder
{
    private readonly List<OpenXmlElement> _body = [];
    private readonly List<AbstractNum> _abstracts = [];
    private readonly List<NumberingInstance> _instances = [];
    private readonly List<Style> _styles = [];
    private string? _header;

    /// <summary>An abstract list; each level is (format, lvlText, start).</summary>
    public DocxBuilder List(int abstractId, params (string Format, string Text, int Start)[] levels)
    {
        var abstractNum = new AbstractNum { AbstractNumberId = abstractId };
        for (var i = 0; i < levels.Length; i++)
        {
            abstractNum.Append(Level(i, levels[i]));
        }

        _abstracts.Add(abstractNum);
        return this;
    }

    /// <summary>Adds a level built by hand (attributes written as text, out-of-range values included) to an abstract list.</summary>
    public DocxBuilder WithLevel(int abstractId, Level level)
    {
        _abstracts.Single(a => a.AbstractNumberId?.Value == abstractId).Append(level);
        return this;
    }

    public static Level Level(int index, (string Format, string Text, int Start) level) => new(
        new StartNumberingValue { Val = level.Start },
        new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(level.Format)) },
        new LevelText { Val = level.Text })
    { LevelIndex = index };

    /// <summary>A w:num over an abstract list, with optional lvlOverride children.</summary>
    public DocxBuilder Num(int numId, int abstractId, params LevelOverride[] overrides)
    {
        var instance = new NumberingInstance(new AbstractNumId { Val = abstractId }) { NumberID = numId };
        foreach (var levelOverride in overrides)
        {
            instance.Append(levelOverride);
        }

        _instances.Add(instance);
        return this;
    }

    public static LevelOverride StartAt(int level, int start) =>
        new(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level };

    public DocxBuilder ParagraphStyle(string id, string? basedOn = null, int? numId = null, int? level = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = id });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }

        if (numId is not null || level is not null)
        {
            var numPr = new NumberingProperties();
            if (level is not null)
            {
                numPr.Append(new NumberingLevelReference { Val = level });
            }

            if (numId is not null)
            {
                numPr.Append(new NumberingId { Val = numId });
            }

            style.Append(new StyleParagraphProperties(numPr));
        }

        _styles.Add(style);
        return this;
    }

    public DocxBuilder Paragraph(string text, int? numId = null, int? level = null, string? style = null)
    {
        _body.Add(MakeParagraph(text, numId, level, style));
        return this;
    }

    public static Paragraph MakeParagraph(string text, int? numId = null, int? level = null, string? style = null)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }

        if (numId is not null || level is not null)
        {
            var numPr = new NumberingProperties();
            if (level is not null)
            {
                numPr.Append(new NumberingLevelReference { Val = level });
            }

            if (numId is not null)
            {
                numPr.Append(new NumberingId { Val = numId });
            }

            properties.Append(numPr);
        }

        return new Paragraph(properties, new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    public DocxBuilder Element(OpenXmlElement element)
    {
        _body.Add(element);
        return this;
    }

    public DocxBuilder Header(string text)
    {
        _header = text;
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true))));
            if (_abstracts.Count > 0 || _instances.Count > 0)
            {
                var numbering = main.AddNewPart<NumberingDefinitionsPart>();
                numbering.Numbering = new Numbering([.. _abstracts.Cast<OpenXmlElement>(), .. _instances]);
            }

            if (_styles.Count > 0)
            {
                var styles = main.AddNewPart<StyleDefinitionsPart>();
                styles.Styles = new Styles(_styles.Select(s => s.CloneNode(true)));
            }

            if (_header is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(MakeParagraph(_header));
                var id = main.GetIdOfPart(header);
                main.Document.Body!.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = id }));
            }
        }

        return stream.ToArray();
    }
}
