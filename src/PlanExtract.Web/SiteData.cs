using System.Collections.Concurrent;
using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Extraction;
using PlanExtract.Indexing;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Reporting;

namespace PlanExtract.Web;

/// <summary>Where the site reads from: the corpus (plans and catalog) and the index <c>build</c> wrote (search).</summary>
/// <param name="Index">The index folder; null for a site without search (<c>publish</c>).</param>
public sealed record SiteSources(string Corpus, string? Index);

/// <summary>A document as its source view and district page need it: the text its reader gives and the whole plan tree.</summary>
public sealed record FullDocument(IReadOnlyList<SourceBlock> Blocks, PlanDocument Plans);

/// <summary>
/// Everything the pages show. The server starts from what build recorded (index/records.jsonl:
/// every document's targets and measure headings), builds both cross-reference tables once, and
/// opens the searcher; a page that needs a document's whole text (source view, district page)
/// reads that one document on demand, and the last few are kept.
/// </summary>
public sealed class SiteData : IDisposable
{
    /// <summary>Whole documents kept for the source and district pages: a reader clicking through one district's lines reads it once.</summary>
    public const int FullDocumentsKept = 32;

    /// <summary>Filtered tables and part measures tables kept: the filters a reader is trying, not every one ever asked.</summary>
    public const int TablesKept = 32;

    private readonly Dictionary<string, DocumentResult> _byId;
    private readonly Dictionary<string, DocumentResult> _bySource;
    private readonly Dictionary<DocumentResult, DocumentResult?> _parentOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Source, int Line), List<Target>> _targetsAt;
    private readonly RecentCache<string, FullDocument> _full = new(FullDocumentsKept);
    private readonly RecentCache<(PlanKind Plan, TableFilter Filter), CrossTable> _tables = new(TablesKept);
    private readonly RecentCache<(PlanKind Plan, int Part), MeasuresTable> _partMeasures = new(TablesKept);
    private readonly RecentCache<(PlanKind Plan, TableFilter Filter), IReadOnlyList<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)>> _summaries = new(TablesKept);
    private readonly RecentCache<(PlanKind Plan, TableFilter Filter, string? Part, string Format), byte[]> _downloads = new(TablesKept);
    private readonly Dictionary<PlanKind, Lazy<IReadOnlyList<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)>>> _wholeSummaries;
    private readonly ConcurrentDictionary<PlanKind, MeasuresTable> _measures = new();
    private readonly RecentCache<string, IReadOnlyList<AuditedNumber>> _unread = new(FullDocumentsKept);
    private readonly Lazy<Pipeline> _pipeline;
    private readonly bool _wholeTrees;

    private SiteData(CorpusLayout corpus, IReadOnlyList<DocumentResult> results, bool wholeTrees, CorpusSearcher? searcher)
    {
        Corpus = corpus;
        _pipeline = new(() => Pipeline.ForCorpus(corpus.Root));
        _wholeTrees = wholeTrees;
        Results = results;
        Read = [.. results.Where(r => r.Plans is not null)];
        Searcher = searcher;
        Catalog = IndicatorCatalog.ForCorpus(corpus.Root) ?? IndicatorCatalog.Empty;
        _byId = Read.ToDictionary(r => r.Document.Id, StringComparer.Ordinal);
        _bySource = Read.ToDictionary(r => r.Document.Source, StringComparer.Ordinal);
        _targetsAt = [];
        foreach (var target in Read.SelectMany(r => r.Plans!.AllTargets()))
        {
            if (target.Line is { } line)
            {
                var key = (target.Source, line);
                if (!_targetsAt.TryGetValue(key, out var list))
                {
                    _targetsAt.Add(key, list = []);
                }

                list.Add(target);
            }
        }

        Tables = [.. new[] { PlanKind.Women, PlanKind.Children }
            .Select(p => CrossTableBuilder.Build(Read, p, Catalog))
            .Where(t => t.Districts.Count > 0)];
        Country = CountryLayout.Of(Tables);
        Parents = GovernmentParents.Of(Read, Read);
        for (var i = 0; i < Read.Count; i++)
        {
            _parentOf[Read[i]] = Parents[i];
        }

        // The unfiltered summaries, made in the background as the site starts: made on the first
        // request they kept the first reader of the tables page or the summary md waiting 0.4-0.8 s.
        // A request that comes before they are done waits for them (Lazy), not makes them again.
        _wholeSummaries = Country is { } country
            ? Tables.ToDictionary(t => t.Plan, t => new Lazy<IReadOnlyList<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)>>(() => [.. CountryTables.SummaryRows(t, country.PartOfColumns(t), Catalog)]))
            : [];
        SummariesMade = _wholeSummaries.Count == 0 ? Task.CompletedTask : Task.Run(() =>
        {
            foreach (var summary in _wholeSummaries.Values)
            {
                _ = summary.Value;
            }
        });

        IndicatorIds = [.. Read.SelectMany(r => r.Plans!.AllTargets()).Select(t => t.IndicatorId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// With an index (<c>serve</c>): opens it and loads the records build wrote beside it; either
    /// missing says to run build. Without one (<c>publish</c>, which writes every document's source
    /// view anyway): reads the corpus through the pipeline.
    /// </summary>
    public static SiteData Load(SiteSources sources)
    {
        var corpus = new CorpusLayout(sources.Corpus);
        if (sources.Index is null)
        {
            return new SiteData(corpus, new CorpusReader(Pipeline.ForCorpus(corpus.Root)).ReadAll(corpus), wholeTrees: true, searcher: null);
        }

        var searcher = CorpusSearcher.Open(sources.Index);
        try
        {
            // The server answers many searches: a common word's counts come from arrays, not doc
            // values, and on a large index each search runs on every core.
            searcher.KeepColumns();
            searcher.KeepFilters();
            searcher.UseAllCores();
            return new SiteData(corpus, BuiltRecords.Load(corpus, sources.Index), wholeTrees: false, searcher);
        }
        catch
        {
            searcher.Dispose();
            throw;
        }
    }

    public CorpusLayout Corpus { get; }

    /// <summary>Every document, the broken ones with their error.</summary>
    public IReadOnlyList<DocumentResult> Results { get; }

    /// <summary>
    /// The documents that read, in corpus order. Their trees hold every target and measure heading
    /// (what the tables, indicator pages and search hits show) but, when loaded from the records,
    /// not every item or line: ask <see cref="Full"/> for those.
    /// </summary>
    public IReadOnlyList<DocumentResult> Read { get; }

    /// <summary>Per document of <see cref="Read"/>, the government above it, if its plan is in the corpus.</summary>
    public IReadOnlyList<DocumentResult?> Parents { get; }

    public CorpusSearcher? Searcher { get; }

    public IndicatorCatalog Catalog { get; }

    /// <summary>The women's and the children's table, unfiltered.</summary>
    public IReadOnlyList<CrossTable> Tables { get; }

    /// <summary>How build cut these tables into parts (per province or city); null when each fits one table.</summary>
    public CountryLayout? Country { get; }

    /// <summary>Done once the unfiltered national summaries, started with the site, are made (at once when the tables are not split).</summary>
    public Task SummariesMade { get; }

    /// <summary>Every canonical indicator some plan states, ordinal order.</summary>
    public IReadOnlyList<string> IndicatorIds { get; }

    /// <summary>Where the tables' written links start from: the folder holding the corpus, so links read "corpus/…" as in <c>table</c>.</summary>
    public string LinkFolder => Path.GetDirectoryName(Corpus.Root) ?? Corpus.Root;

    public DocumentResult? Document(string id) => _byId.GetValueOrDefault(id);

    public DocumentResult? DocumentOf(string source) => _bySource.GetValueOrDefault(source);

    public DocumentResult? Parent(DocumentResult document) => _parentOf.GetValueOrDefault(document);

    public IEnumerable<DocumentResult> Children(DocumentResult document) =>
        Read.Where((_, i) => ReferenceEquals(Parents[i], document));

    /// <summary>The target a hit or a cell points at: same source, line and (when given) text.</summary>
    public Target? TargetAt(string source, int? line, string? text = null) =>
        line is { } l && _targetsAt.TryGetValue((source, l), out var list)
            ? list.FirstOrDefault(t => text is null || t.Text == text) ?? list[0]
            : null;

    /// <summary>
    /// The table of a plan type with these filters (the unfiltered one built at start, a filtered
    /// one picked out of it and kept for a while); null when no district has that plan. Picking the
    /// rows (<see cref="CrossTableBuilder.Filter"/>) instead of building the table again from every
    /// document made the first request of a filter at 3,200 districts 0.6-1.4 s.
    /// </summary>
    public CrossTable? Table(PlanKind plan, TableFilter filter)
    {
        var whole = Tables.FirstOrDefault(t => t.Plan == plan);
        if (whole is null || filter == TableFilter.None)
        {
            return whole;
        }

        return _tables.GetOrAdd((plan, filter), key => CrossTableBuilder.Filter(whole, key.Filter));
    }

    /// <summary>
    /// The national summary's rows of a table (<see cref="Table"/> with these filters), kept: a
    /// spread over 3,200 columns per indicator is most of a second. The unfiltered ones are made at
    /// start, and a filtered table's rows are theirs, so its summary rows are looked up, not made again.
    /// </summary>
    public IReadOnlyList<(DomainTable Domain, IReadOnlyList<SummaryRow> Rows)> Summary(PlanKind plan, TableFilter filter, CrossTable table)
    {
        if (!_wholeSummaries.TryGetValue(plan, out var whole))
        {
            return _summaries.GetOrAdd((plan, filter), _ => [.. CountryTables.SummaryRows(table, Country!.PartOfColumns(table), Catalog)]);
        }

        if (filter == TableFilter.None && Tables.Any(t => ReferenceEquals(t, table)))
        {
            return whole.Value;
        }

        return _summaries.GetOrAdd((plan, filter), _ =>
        {
            var made = whole.Value.SelectMany(d => d.Rows).ToDictionary(r => (object)r.Row, ReferenceEqualityComparer.Instance);
            return table.Domains.All(d => d.Rows.All(made.ContainsKey))
                ? [.. table.Domains.Select(d => (d, (IReadOnlyList<SummaryRow>)[.. d.Rows.Select(r => made[r])]))]
                : [.. CountryTables.SummaryRows(table, Country!.PartOfColumns(table), Catalog)];
        });
    }

    /// <summary>A downloaded file, made once and kept among the last few: the same filters give the same bytes.</summary>
    public byte[] Download(PlanKind plan, TableFilter filter, string? part, string format, Func<byte[]> make) =>
        _downloads.GetOrAdd((plan, filter, part, format), _ => make());

    /// <summary>The measures table of a plan type, aligned once: the alignment compares every heading and the table never changes while the site runs.</summary>
    public MeasuresTable Measures(PlanKind plan) => _measures.GetOrAdd(plan, p => MeasuresCoverage.Build(Read, p));

    /// <summary>The measures table of one part of the country (as build writes it: the part's documents aligned among themselves).</summary>
    public MeasuresTable Measures(PlanKind plan, int part) =>
        _partMeasures.GetOrAdd((plan, part), key => MeasuresCoverage.Build(Country!.Results(Read, key.Part), key.Plan));

    /// <summary>The numbers of the document's items that no rule read (the number audit of <c>explain</c>), audited once per document.</summary>
    public IReadOnlyList<AuditedNumber> Unread(DocumentResult document) =>
        _unread.GetOrAdd(document.Document.Id, _ => [.. new NumberAudit().Audit(Full(document).Plans).Where(n => n.Fate == NumberFate.Unread)]);

    /// <summary>
    /// The document's text and whole tree, read on demand (the records keep neither) and kept
    /// among the last <see cref="FullDocumentsKept"/>. A document that no longer reads is the
    /// request's one-line error.
    /// </summary>
    public FullDocument Full(DocumentResult document) => _full.GetOrAdd(document.Document.Id, _ =>
    {
        var path = document.Document.FilePath;
        var blocks = _pipeline.Value.Readers.Read(path);
        return new FullDocument(blocks, _wholeTrees ? document.Plans! : _pipeline.Value.Segment(path, blocks, document.Document.Source, document.Document.Metadata.DisplayName));
    });

    /// <summary>The document's text as its reader gives it.</summary>
    public IReadOnlyList<SourceBlock> Blocks(DocumentResult document) => Full(document).Blocks;

    public void Dispose() => Searcher?.Dispose();
}
