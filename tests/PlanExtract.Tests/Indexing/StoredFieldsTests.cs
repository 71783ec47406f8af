using Lucene.Net.Index;
using PlanExtract.Indexing;
using PlanExtract.Model;

namespace PlanExtract.Tests.Indexing;

/// <summary>
/// The schema reuses one keyword field instance per name from document to document (a new one per
/// document cost 9.6% of the index write). Every Lucene document must still hold its own values:
/// read back, each item and each target names exactly what the corpus tree gives it.
/// </summary>
public sealed class StoredFieldsTests(IndexFixture index) : IClassFixture<IndexFixture>
{
    [Fact]
    public void Every_document_keeps_its_own_keyword_values()
    {
        var targets = index.Results.Where(r => r.Plans is not null)
            .SelectMany(r => r.Plans!.AllTargets().Select(t => Key(r.Document.Source, t.Line, t.Text, t.Indicator, t.Comparator, t.Value, t.Unit, t.Section)))
            .ToList();
        var items = index.Results.Where(r => r.Plans is not null)
            .SelectMany(r => r.Plans!.Plans.SelectMany(p => p.Sections.Concat(p.Domains.SelectMany(d => d.Sections))
                .SelectMany(s => s.Items.Select(i => Key(r.Document.Source, i.Span.Line, i.Text, s.Kind.ToContractName())))
                .Concat(p.Projects.Select(i => Key(r.Document.Source, i.Span.Line, i.Text, SectionKind.Project.ToContractName())))))
            .ToHashSet(StringComparer.Ordinal);

        using var reader = CorpusIndex.OpenReader(index.IndexFolder);
        var indexedTargets = new List<string>();
        var seenItems = 0;
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var stored = reader.Document(doc);
            var source = stored.Get(IndexSchema.Source);
            var line = stored.Get(IndexSchema.Line) is { } l ? int.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            if (stored.Get(IndexSchema.Kind) == IndexSchema.KindTarget)
            {
                indexedTargets.Add(Key(source, line, stored.Get(IndexSchema.Text), stored.Get(IndexSchema.Indicator), stored.Get(IndexSchema.Comparator), stored.Get(IndexSchema.Value), stored.Get(IndexSchema.Unit), stored.Get(IndexSchema.Section)));
            }
            else
            {
                seenItems++;
                Assert.Contains(Key(source, line, stored.Get(IndexSchema.Text), stored.Get(IndexSchema.Section)), items);
            }
        }

        // The same multiset: every target once, each with its own values.
        Assert.Equal(targets.Order(StringComparer.Ordinal), indexedTargets.Order(StringComparer.Ordinal));
        Assert.True(seenItems > 0);
    }

    private static string Key(params object?[] parts) => string.Join("\u001f", parts.Select(p => p?.ToString() ?? "∅"));
}
