using System.Collections.Concurrent;
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

/// <summary>
/// Everything the pages show, read once when the site starts: the corpus through the pipeline, the
/// catalog, both cross-reference tables, and the searcher. Pages only look things up here, so a
/// request does no reading or parsing of plans.
/// </summary>
public sealed class SiteData : IDisposable
{
    private readonly Dictionary<string, DocumentResult> _byId;
    private readonly Dictionary<string, DocumentResult> _bySource;
    private readonly Dictionary<(string Source, int Line), List<Target>> _targetsAt;
    private readonly ConcurrentDictionary<string, IReadOnlyList<SourceBlock>> _blocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PlanKind, MeasuresTable> _measures = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<AuditedNumber>> _unread = new(StringComparer.Ordinal);
    private readonly Pipeline _pipeline;

    private SiteData(CorpusLayout corpus, Pipeline pipeline, IReadOnlyList<DocumentResult> results, CorpusSearcher? searcher)
    {
        Corpus = corpus;
        _pipeline = pipeline;
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
        Parents = GovernmentParents.Of(Read, Read);
        IndicatorIds = [.. Read.SelectMany(r => r.Plans!.AllTargets()).Select(t => t.IndicatorId).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads the corpus and opens the index (when given); a missing index says to run build.</summary>
    public static SiteData Load(SiteSources sources)
    {
        var corpus = new CorpusLayout(sources.Corpus);
        var pipeline = Pipeline.ForCorpus(corpus.Root);
        var searcher = sources.Index is null ? null : CorpusSearcher.Open(sources.Index);
        try
        {
            return new SiteData(corpus, pipeline, new CorpusReader(pipeline).ReadAll(corpus), searcher);
        }
        catch
        {
            searcher?.Dispose();
            throw;
        }
    }

    public CorpusLayout Corpus { get; }

    /// <summary>Every document, the broken ones with their error.</summary>
    public IReadOnlyList<DocumentResult> Results { get; }

    /// <summary>The documents that read, in corpus order.</summary>
    public IReadOnlyList<DocumentResult> Read { get; }

    /// <summary>Per document of <see cref="Read"/>, the government above it, if its plan is in the corpus.</summary>
    public IReadOnlyList<DocumentResult?> Parents { get; }

    public CorpusSearcher? Searcher { get; }

    public IndicatorCatalog Catalog { get; }

    /// <summary>The women's and the children's table, unfiltered.</summary>
    public IReadOnlyList<CrossTable> Tables { get; }

    /// <summary>Every canonical indicator some plan states, ordinal order.</summary>
    public IReadOnlyList<string> IndicatorIds { get; }

    /// <summary>Where the tables' written links start from: the folder holding the corpus, so links read "corpus/…" as in <c>table</c>.</summary>
    public string LinkFolder => Path.GetDirectoryName(Corpus.Root) ?? Corpus.Root;

    public DocumentResult? Document(string id) => _byId.GetValueOrDefault(id);

    public DocumentResult? DocumentOf(string source) => _bySource.GetValueOrDefault(source);

    public DocumentResult? Parent(DocumentResult document)
    {
        for (var i = 0; i < Read.Count; i++)
        {
            if (ReferenceEquals(Read[i], document))
            {
                return Parents[i];
            }
        }

        return null;
    }

    public IEnumerable<DocumentResult> Children(DocumentResult document) =>
        Read.Where((_, i) => ReferenceEquals(Parents[i], document));

    /// <summary>The target a hit or a cell points at: same source, line and (when given) text.</summary>
    public Target? TargetAt(string source, int? line, string? text = null) =>
        line is { } l && _targetsAt.TryGetValue((source, l), out var list)
            ? list.FirstOrDefault(t => text is null || t.Text == text) ?? list[0]
            : null;

    /// <summary>The measures table of a plan type, aligned once: the alignment compares every heading and the table never changes while the site runs.</summary>
    public MeasuresTable Measures(PlanKind plan) => _measures.GetOrAdd(plan, p => MeasuresCoverage.Build(Read, p));

    /// <summary>The numbers of the document's items that no rule read (the number audit of <c>explain</c>), audited once per document.</summary>
    public IReadOnlyList<AuditedNumber> Unread(DocumentResult document) =>
        _unread.GetOrAdd(document.Document.Id, _ => [.. new NumberAudit().Audit(document.Plans!).Where(n => n.Fate == NumberFate.Unread)]);

    /// <summary>The document's text as its reader gives it, read once per document.</summary>
    public IReadOnlyList<SourceBlock> Blocks(DocumentResult document) =>
        _blocks.GetOrAdd(document.Document.Id, _ => _pipeline.Readers.Read(document.Document.FilePath));

    public void Dispose() => Searcher?.Dispose();
}
