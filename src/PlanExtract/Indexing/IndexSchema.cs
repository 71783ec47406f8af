using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using PlanExtract.Corpus;
using PlanExtract.Model;

namespace PlanExtract.Indexing;

/// <summary>
/// The index's fields and how an item or a target becomes a Lucene document. Names the user can
/// type in a query (<c>domain:健康</c>, <c>section:goal</c>) are the contract's hit keys.
/// </summary>
public static class IndexSchema
{
    // Stored for display; typed as district:清城 they are found among the names their keyword field holds (PlaceNames).
    public const string District = "district";
    public const string City = "city";
    public const string Province = "province";
    public const string Domain = "domain";

    // Analyzed with the Chinese chain, stored for display.
    public const string IndicatorId = "indicator_id";

    /// <summary>
    /// Stored: an item's or a target's whole text. Analyzed: a target's whole text, and an item's
    /// text after its first sentence, which <see cref="Lead"/> holds, so no character is inverted
    /// twice (the lead was a second copy of a sixth of all the tokens).
    /// </summary>
    public const string Text = "text";

    /// <summary>The item's first sentence (its heading in 策略措施): a match there means the item is about the topic.</summary>
    public const string Lead = "lead";

    /// <summary>The analyzed fields that together hold an item's whole text: a word typed as <c>text:</c> is looked for in both.</summary>
    internal static readonly IReadOnlyList<string> TextFields = [Text, Lead];

    /// <summary>A target's indicator as written (孕产妇死亡率), analyzed; its exact form is <see cref="IndicatorKey"/>.</summary>
    public const string Indicator = "indicator";

    // Exact keywords.
    public const string Plan = "plan";
    public const string Section = "section";
    public const string Item = "item";
    /// <summary>A target's value: indexed as a number (ranges compare numbers), stored as written.</summary>
    public const string Value = "value";
    public const string Unit = "unit";
    public const string Comparator = "comparator";

    /// <summary>A target's deadline year: indexed as a number, stored as written.</summary>
    public const string Year = "year";
    public const string Source = "source";
    public const string Kind = "kind";
    public const string Line = "line";
    public const string Page = "page";

    /// <summary>Exact district and domain names, indexed for filters and kept as doc values for the hit counts.</summary>
    public const string DistrictKey = "district_key";
    public const string DomainKey = "domain_key";

    /// <summary>Exact city and province names, for <c>city:清远</c> and <c>province:广西</c>.</summary>
    public const string CityKey = "city_key";
    public const string ProvinceKey = "province_key";

    /// <summary>Exact written indicator and canonical id of a target, for <c>--indicator</c>.</summary>
    public const string IndicatorKey = "indicator_key";
    public const string IndicatorIdKey = "indicator_id_key";

    /// <summary>The line of the item a hit belongs to: a target and its item share it.</summary>
    public const string ItemLine = "item_line";

    /// <summary>A number shared by an item's document and its targets' documents, so hits collapse to one per item.</summary>
    public const string ItemGroup = "item_group";

    public const string KindItem = "item";
    public const string KindTarget = "target";

    /// <summary>Domain key of items outside the development areas (plan-level sections, key projects).</summary>
    public const string NoDomain = "";

    private static readonly string[] KeywordFields = [Plan, Section, Item, Value, Unit, Comparator, Year, Source, Kind, Line, Page, DistrictKey, DomainKey, CityKey, ProvinceKey, IndicatorKey, IndicatorIdKey, ItemLine];

    /// <summary>
    /// The keyword field holding a place field's whole names. The place is the same on every item
    /// of a plan, so analysing it on each was a tenth of the index's tokens; a typed district:清城
    /// is looked up among the few thousand names instead.
    /// </summary>
    internal static string? KeyOf(string field) => field switch
    {
        District => DistrictKey,
        City => CityKey,
        Province => ProvinceKey,
        Domain => DomainKey,
        _ => null,
    };

    /// <summary>Chinese analysis for text fields, keywords kept whole so <c>section:goal</c> is one term.</summary>
    public static Analyzer CreateAnalyzer(bool forIndex)
    {
        var keyword = new KeywordAnalyzer();
        var fields = KeywordFields.ToDictionary(f => f, _ => (Analyzer)keyword);
        return new PerFieldAnalyzerWrapper(forIndex ? PlanAnalyzer.ForIndex() : PlanAnalyzer.ForQuery(), fields);
    }

    /// <summary>Every document a corpus result gives: one per numbered item, one per target.</summary>
    /// <param name="groups">Hands out the item group numbers; one counter per index keeps them unique.</param>
    public static IEnumerable<Document> Documents(DocumentResult result, Func<long> groups)
    {
        if (result.Plans is null)
        {
            yield break;
        }

        var meta = result.Document.Metadata;
        var place = new Place(meta.DisplayName, meta.City, meta.Province, result.Document.Source);
        var keywords = new Keywords();
        foreach (var plan in result.Plans.Plans)
        {
            var planName = plan.Kind.ToContractName();
            var sections = plan.Sections.Select(s => (Domain: (string?)null, Section: s))
                .Concat(plan.Domains.SelectMany(d => d.Sections.Select(s => (Domain: (string?)d.Name, Section: s))));
            foreach (var (domain, section) in sections)
            {
                foreach (var item in section.Items)
                {
                    foreach (var document in ItemDocuments(keywords, place, planName, domain, section.Kind.ToContractName(), item, groups()))
                    {
                        yield return document;
                    }
                }
            }

            foreach (var item in plan.Projects)
            {
                foreach (var document in ItemDocuments(keywords, place, planName, null, SectionKind.Project.ToContractName(), item, groups()))
                {
                    yield return document;
                }
            }
        }
    }

    private sealed record Place(string District, string? City, string? Province, string Source);

    /// <summary>
    /// The keyword fields of one corpus document's run of Lucene documents, one instance per name,
    /// reused from document to document. A new StringField builds its own token stream, whose
    /// attributes come from a locked factory: 9.6% of the index write (docs/PERFORMANCE.md). Safe
    /// because the writer inverts and stores each document before the enumeration makes the next.
    /// </summary>
    private sealed class Keywords
    {
        private readonly Dictionary<string, StringField> _fields = new(StringComparer.Ordinal);

        public StringField Of(string name, string value, Field.Store store)
        {
            if (_fields.TryGetValue(name, out var field))
            {
                field.SetStringValue(value);
                return field;
            }

            field = new StringField(name, value, store);
            _fields.Add(name, field);
            return field;
        }
    }

    private static IEnumerable<Document> ItemDocuments(Keywords keywords, Place place, string plan, string? domain, string section, Item item, long group)
    {
        // Cite the corpus-relative path the corpus layout gives, whatever the reader recorded.
        var itemDocument = Common(keywords, place, plan, domain, section, item.Number, place.Source, item.Span.Line, item.Span.Page, item.Span.Line, group);
        itemDocument.Add(keywords.Of(Kind, KindItem, Field.Store.YES));
        // The first sentence in lead, the rest in text: a phrase cannot span the sentence's end,
        // as no bigram is made across a full stop.
        var lead = LeadOf(item.Text);
        itemDocument.Add(new StoredField(Text, item.Text));
        itemDocument.Add(new TextField(Lead, lead, Field.Store.NO));
        if (lead.Length < item.Text.Length)
        {
            itemDocument.Add(new TextField(Text, item.Text[lead.Length..], Field.Store.NO));
        }
        yield return itemDocument;

        foreach (var target in item.Targets)
        {
            // The extractor fills domain and section from the same tree; prefer its values when set.
            var document = Common(keywords, place, target.Plan, target.Domain ?? domain, target.Section, target.Item ?? item.Number,
                place.Source, target.Line, target.Page, item.Span.Line, group);
            document.Add(keywords.Of(Kind, KindTarget, Field.Store.YES));
            document.Add(new TextField(Text, target.Text, Field.Store.YES));
            document.Add(new TextField(Indicator, target.Indicator, Field.Store.YES));
            document.Add(keywords.Of(IndicatorKey, target.Indicator, Field.Store.NO));
            document.Add(keywords.Of(Comparator, target.Comparator, Field.Store.YES));
            if (target.IndicatorId is { } id)
            {
                document.Add(new TextField(IndicatorId, id, Field.Store.YES));
                document.Add(keywords.Of(IndicatorIdKey, id, Field.Store.NO));
            }

            // The contract keeps the value a string ("8"); the index compares it as the number it is.
            if (target.Value is { } value)
            {
                document.Add(new StoredField(Value, value));
                if (NumberOf(value) is { } number)
                {
                    document.Add(new DoubleField(Value, number, Field.Store.NO));
                }
            }

            if (target.Unit is { } unit)
            {
                document.Add(keywords.Of(Unit, unit, Field.Store.YES));
            }

            if (target.Year is { } year)
            {
                document.Add(new StoredField(Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                document.Add(new Int32Field(Year, year, Field.Store.NO));
            }

            yield return document;
        }
    }

    private static Document Common(Keywords keywords, Place place, string plan, string? domain, string section, string? item, string source, int? line, int? page, int? itemLine, long group)
    {
        var document = new Document
        {
            new NumericDocValuesField(ItemGroup, group),
            new StoredField(District, place.District),
            keywords.Of(DistrictKey, place.District, Field.Store.NO),
            new SortedDocValuesField(DistrictKey, new BytesRef(place.District)),
            keywords.Of(Plan, plan, Field.Store.YES),
            keywords.Of(Section, section, Field.Store.YES),
            keywords.Of(DomainKey, domain ?? NoDomain, Field.Store.NO),
            new SortedDocValuesField(DomainKey, new BytesRef(domain ?? NoDomain)),
            keywords.Of(Source, source, Field.Store.YES),
        };
        Optional(document, City, place.City);
        Optional(document, Province, place.Province);
        Optional(document, Domain, domain);
        if (!string.IsNullOrEmpty(place.City))
        {
            document.Add(keywords.Of(CityKey, place.City, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(place.Province))
        {
            document.Add(keywords.Of(ProvinceKey, place.Province, Field.Store.NO));
        }
        if (item is not null)
        {
            document.Add(keywords.Of(Item, item, Field.Store.YES));
        }

        Number(keywords, document, Line, line);
        Number(keywords, document, Page, page);
        Number(keywords, document, ItemLine, itemLine);
        return document;
    }

    private static void Optional(Document document, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            document.Add(new StoredField(name, value));
        }
    }

    // Kept as strings: the numbers are only shown and matched exactly (line:93), never ranged.
    private static void Number(Keywords keywords, Document document, string name, int? value)
    {
        if (value is { } v)
        {
            document.Add(keywords.Of(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES));
        }
    }

    /// <summary>A target value as a number ("8", "6.5"); a ratio such as "1.5:1" (出生人口性别比) is not one and is not ranged.</summary>
    internal static double? NumberOf(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The first sentence: "完善宫颈癌和乳腺癌综合防治体系和救助政策。" heads measure 5 of 清城区's health area.</summary>
    internal static string LeadOf(string text)
    {
        var end = text.IndexOfAny(['。', '；', ';']);
        return end < 0 ? text : text[..(end + 1)];
    }
}
