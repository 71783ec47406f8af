using PlanExtract.Corpus;
using PlanExtract.Indicators;
using PlanExtract.Model;
using PlanExtract.Text;

namespace PlanExtract.Reporting;

/// <summary>A district's measure item: its number, its heading sentence and where it is written.</summary>
public sealed record MeasureRef(string Number, string Heading, string FilePath, int? Line, int? Page)
{
    public string Anchor => Line is { } line ? $"#L{line}" : Page is { } page ? $"#page={page}" : string.Empty;
}

/// <summary>Measures of several districts that say the same thing: one per district at most.</summary>
public sealed record AlignedMeasure(string Heading, IReadOnlyList<MeasureRef?> Cells)
{
    public int Districts => Cells.Count(c => c is not null);
}

public sealed record MeasureDomain(string Domain, IReadOnlyList<AlignedMeasure> Rows, IReadOnlyList<int> Counts);

public sealed record MeasuresTable(PlanKind Plan, IReadOnlyList<DistrictColumn> Districts, IReadOnlyList<MeasureDomain> Domains)
{
    public string Title => Plan == PlanKind.Women ? "妇女发展规划" : "儿童发展规划";
}

/// <summary>
/// Aligns the 策略措施 items of the districts' plans by their heading sentence (the text up to the
/// first 。, "保障孕产妇安全分娩。"). The plans follow one national template, so most headings
/// repeat nearly word for word; a heading close to nothing elsewhere is what that district added.
/// </summary>
public static class MeasuresCoverage
{
    /// <summary>
    /// Bigram Dice two headings must reach to be one measure. Read off the corpus: the template's
    /// headings reworded by a district ("完善保障妇女健康的制度机制" / "完善保障妇女健康的政策机制")
    /// score 0.6 and more; different measures of one domain stay below 0.45.
    /// </summary>
    public const double Threshold = 0.5;

    public static MeasuresTable Build(IReadOnlyList<DocumentResult> results, PlanKind plan)
    {
        var withPlan = results.Where(r => r.Plans is not null && r.Plans.Plans.Any(p => p.Kind == plan)).ToList();
        var columns = CrossTableBuilder.Columns(results, plan);
        var domainOrder = withPlan.SelectMany(r => r.Plans!.Plans.Where(p => p.Kind == plan).SelectMany(p => p.Domains).Select(d => d.Name))
            .Distinct(StringComparer.Ordinal).ToList();
        var domains = new List<MeasureDomain>();
        foreach (var domain in domainOrder)
        {
            var perDistrict = withPlan.Select(r => r.Plans!.Plans.Where(p => p.Kind == plan)
                .SelectMany(p => p.Domains).Where(d => d.Name == domain)
                .SelectMany(d => d.Sections).Where(s => s.Kind == SectionKind.Measure).SelectMany(s => s.Items)
                .Select(i => new MeasureRef(i.Number, Heading(i.Text), r.Document.FilePath, i.Span.Line, i.Span.Page)).ToList()).ToList();
            var clusters = Align(perDistrict);
            domains.Add(new MeasureDomain(domain, clusters, [.. perDistrict.Select(m => m.Count)]));
        }

        return new MeasuresTable(plan, columns, domains);
    }

    /// <summary>The heading sentence: up to the first 。 (or ；), without it.</summary>
    public static string Heading(string text)
    {
        var end = text.IndexOfAny(['。', '；']);
        var heading = end < 0 ? text : text[..end];
        return heading.Trim();
    }

    public static double Score(string a, string b) => Similarity.Dice(Key(a), Key(b));

    private static string Key(string heading) =>
        new([.. CharFold.Fold(heading).Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))]);

    /// <summary>
    /// District by district, each measure joins the best-scoring row that has none of its district
    /// yet, best pairs first, so an early weak pairing never takes a later exact one's place. A row
    /// scores the best of its members' headings.
    /// </summary>
    /// <remarks>
    /// The same result as scoring every measure against every member of every row, without doing
    /// so: two headings of Dice ≥ 0.5 share a bigram (or are one and the same character), so only
    /// the distinct heading keys found through a bigram index are scored, each pair once, and a key
    /// knows the rows holding it. Most headings repeat the national template word for word, so the
    /// distinct keys are few and the work grows with the number of measures, not with its square.
    /// </remarks>
    private static List<AlignedMeasure> Align(IReadOnlyList<List<MeasureRef>> perDistrict)
    {
        var keys = new HeadingKeys();
        var rows = new List<MeasureRef?[]>();
        for (var c = 0; c < perDistrict.Count; c++)
        {
            var measures = perDistrict[c];
            var ids = measures.Select(m => keys.Id(Key(m.Heading))).ToList();
            var pairs = new List<(double Score, int Measure, int Row)>();
            var best = new Dictionary<int, double>();
            for (var m = 0; m < measures.Count; m++)
            {
                best.Clear();
                foreach (var (other, score) in keys.Matches(ids[m]))
                {
                    foreach (var r in keys.RowsOf(other))
                    {
                        if (!best.TryGetValue(r, out var held) || score > held)
                        {
                            best[r] = score;
                        }
                    }
                }

                foreach (var (r, score) in best)
                {
                    pairs.Add((score, m, r));
                }
            }

            var placed = new HashSet<int>();
            pairs.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Measure != y.Measure ? x.Measure.CompareTo(y.Measure) : x.Row.CompareTo(y.Row));
            foreach (var (_, m, r) in pairs)
            {
                if (!placed.Contains(m) && rows[r][c] is null)
                {
                    rows[r][c] = measures[m];
                    keys.AddToRow(ids[m], r);
                    placed.Add(m);
                }
            }

            for (var m = 0; m < measures.Count; m++)
            {
                if (!placed.Contains(m))
                {
                    var row = new MeasureRef?[perDistrict.Count];
                    row[c] = measures[m];
                    keys.AddToRow(ids[m], rows.Count);
                    rows.Add(row);
                }
            }
        }

        return [.. rows.Select(r => new AlignedMeasure(r.First(x => x is not null)!.Heading, r))];
    }

    /// <summary>
    /// The distinct heading keys of one domain's alignment: which rows hold each, a bigram index over
    /// those in some row, and per key the keys in rows it scores at least <see cref="Threshold"/> with.
    /// </summary>
    private sealed class HeadingKeys
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<Entry> _entries = [];
        private readonly Dictionary<(char, char), List<int>> _postings = [];

        public int Id(string key)
        {
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _entries.Count;
                _ids.Add(key, id);
                _entries.Add(new Entry(key));
            }

            return id;
        }

        public IReadOnlyList<int> RowsOf(int id) => _entries[id].Rows;

        public void AddToRow(int id, int row)
        {
            var entry = _entries[id];
            if (entry.Rows.Count == 0)
            {
                // First time in a row: from now on other keys can find it.
                foreach (var pair in entry.Bigrams.Keys)
                {
                    if (!_postings.TryGetValue(pair, out var list))
                    {
                        _postings.Add(pair, list = []);
                    }

                    list.Add(id);
                }
            }

            if (!entry.Rows.Contains(row))
            {
                entry.Rows.Add(row);
            }
        }

        /// <summary>
        /// The keys held by some row that score at least the threshold with this one, and their
        /// scores. Postings only grow, so each key remembers how far it has read each of its lists
        /// and scores only keys that arrived since.
        /// </summary>
        public IReadOnlyList<(int Other, double Score)> Matches(int id)
        {
            var entry = _entries[id];
            if (entry.Key.Length == 1)
            {
                // A one-character heading is like only itself.
                if (entry.Rows.Count > 0 && entry.Matches.Count == 0)
                {
                    entry.Matches.Add((id, 1));
                }

                return entry.Matches;
            }

            foreach (var pair in entry.Bigrams.Keys)
            {
                if (!_postings.TryGetValue(pair, out var list))
                {
                    continue;
                }

                var from = entry.Read.GetValueOrDefault(pair);
                for (var i = from; i < list.Count; i++)
                {
                    var other = list[i];
                    if (entry.Scored.Add(other))
                    {
                        var score = Dice(entry, _entries[other]);
                        if (score >= Threshold)
                        {
                            entry.Matches.Add((other, score));
                        }
                    }
                }

                entry.Read[pair] = list.Count;
            }

            return entry.Matches;
        }

        // Similarity.Dice over bigram counts made once per key; the same arithmetic, so the same scores.
        private static double Dice(Entry a, Entry b)
        {
            var shared = 0;
            foreach (var (pair, count) in a.Bigrams)
            {
                if (b.Bigrams.TryGetValue(pair, out var other))
                {
                    shared += Math.Min(count, other);
                }
            }

            return 2.0 * shared / (a.Key.Length - 1 + b.Key.Length - 1);
        }

        private sealed class Entry(string key)
        {
            public string Key { get; } = key;

            public Dictionary<(char, char), int> Bigrams { get; } = Count(key);

            public List<int> Rows { get; } = [];

            public List<(int Other, double Score)> Matches { get; } = [];

            public HashSet<int> Scored { get; } = [];

            public Dictionary<(char, char), int> Read { get; } = [];

            private static Dictionary<(char, char), int> Count(string s)
            {
                var counts = new Dictionary<(char, char), int>();
                for (var i = 0; i + 1 < s.Length; i++)
                {
                    var pair = (s[i], s[i + 1]);
                    counts[pair] = counts.GetValueOrDefault(pair) + 1;
                }

                return counts;
            }
        }
    }
}
