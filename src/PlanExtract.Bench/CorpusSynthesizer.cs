using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlanExtract.Corpus;
using PlanExtract.Reading;

namespace PlanExtract.Benchmarking;

/// <summary>A synthetic issuing government: a made-up city (and district) in the template's province.</summary>
public sealed record SyntheticPlace(string Province, string City, string? District)
{
    public string DisplayName => City + District;
}

/// <summary>One document the synthesizer wrote, and the real document it was made from.</summary>
public sealed record SyntheticDocument(string FilePath, SyntheticPlace Place, string Template, long Bytes);

/// <summary>
/// Makes a country-sized corpus from the real one: document <c>i</c> is template <c>i mod T</c>
/// with the issuing government renamed in text and metadata (so every district is distinct in
/// the index and the tables) and its percentages and rates nudged by up to ±10% (so the tables
/// are not 800 copies of one column). Deterministic for a given seed.
/// </summary>
public sealed partial class CorpusSynthesizer
{
    // Two disjoint alphabets, none of them a character of 市/区/县/省 or of the plan vocabulary, so a
    // made-up name never reads as a heading or an administrative suffix. 64 × 64 names each.
    private const string CityAlphabet = "安宁平江河山阳兴德昌华丰泰永新东西南北长乐福康顺明庆嘉黄白青云龙凤金石林松桃梅溪湖海川岭峰沙泉源台关桥塘浦湾鹤鹿岳霞彩玉翠碧春秋";
    private const string DistrictAlphabet = "溧淳潭澄渭滨洛汾漳沅湘澧涟邵衡郴汝颍亳宿滁舒巢歙黟祁婺饶弋铅鄱瑞赣袁萍抚韶梧柳邕钦崇贺藤容蒙岑恭灵荆襄随鄂黔滇蜀陇秦晋燕赵冀鲁豫皖闽粤琼渝藏";

    private readonly IReadOnlyList<Template> _templates;

    public CorpusSynthesizer(CorpusLayout source)
    {
        _templates = [.. source.Documents()
            .Where(d => Path.GetExtension(d.FilePath) is ".txt" or ".md")
            .Select(d => new Template(d, TextDecoder.Decode(d.FilePath, File.ReadAllBytes(d.FilePath))))];
        if (_templates.Count == 0)
        {
            throw new PlanExtractException($"{source.Root}: no .txt or .md documents to synthesize from");
        }

        SourceRoot = source.Root;
    }

    public string SourceRoot { get; }

    public int Templates => _templates.Count;

    /// <summary>The place document <paramref name="index"/> is renamed to; unique for index &lt; 4096.</summary>
    public SyntheticPlace PlaceOf(int index)
    {
        var template = _templates[index % _templates.Count].Document.Metadata;
        var city = Name(CityAlphabet, index) + "市";
        var district = template.District is { Length: > 0 } d ? Name(DistrictAlphabet, index) + d[^1] : null;
        return new SyntheticPlace(template.Province ?? "合成省", city, district);
    }

    /// <summary>Writes documents <paramref name="first"/>…<paramref name="first"/>+<paramref name="count"/>−1 into a corpus folder (with the catalog).</summary>
    public IReadOnlyList<SyntheticDocument> WriteCorpus(string corpusRoot, int count, int first = 0, int seed = 1)
    {
        Directory.CreateDirectory(corpusRoot);
        var catalog = Path.Combine(SourceRoot, "indicators.json");
        if (File.Exists(catalog))
        {
            File.Copy(catalog, Path.Combine(corpusRoot, "indicators.json"), overwrite: true);
        }

        var written = new SyntheticDocument[count];
        Parallel.For(0, count, i => written[i] = WriteDocument(corpusRoot, first + i, seed));
        return written;
    }

    /// <summary>Writes document <paramref name="index"/> into its corpus folder with its <c>meta.json</c>.</summary>
    public SyntheticDocument WriteDocument(string corpusRoot, int index, int seed = 1)
    {
        var place = PlaceOf(index);
        var folder = Path.Combine(corpusRoot, place.Province, place.City, place.District ?? string.Empty);
        var (document, text) = Synthesize(index, seed);
        var bytes = Encoding.UTF8.GetBytes(text);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "plans.txt");
        File.WriteAllBytes(file, bytes);

        var template = document.Document.Metadata;
        var rename = Renamer(document.Document, place);
        var metadata = template with
        {
            Province = place.Province,
            City = place.City,
            District = place.District,
            DisplayName = place.DisplayName,
            Issuer = template.Issuer is null ? null : rename(template.Issuer),
            Plans = [.. template.Plans.Select(p => p with { Title = rename(p.Title) })],
            File = "plans.txt",
            OriginalFile = document.Document.Source,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Notes = "synthetic (planextract bench) from " + document.Document.Source,
        };
        File.WriteAllText(Path.Combine(folder, CorpusLayout.MetadataFile), JsonSerializer.Serialize(metadata, CorpusMetadata.JsonOptions) + "\n");
        return new SyntheticDocument(file, place, document.Document.Source, bytes.Length);
    }

    /// <summary>Writes document <paramref name="index"/> as a loose file (no metadata), as a user would hand it to <c>add</c>.</summary>
    public SyntheticDocument WriteLoose(string path, int index, int seed = 1)
    {
        var (document, text) = Synthesize(index, seed);
        var bytes = Encoding.UTF8.GetBytes(text);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, bytes);
        return new SyntheticDocument(path, PlaceOf(index), document.Document.Source, bytes.Length);
    }

    /// <summary>The text of document <paramref name="index"/>: its template renamed and its rates perturbed.</summary>
    public string Text(int index, int seed = 1) => Synthesize(index, seed).Text;

    private (Template Document, string Text) Synthesize(int index, int seed)
    {
        var template = _templates[index % _templates.Count];
        var renamed = Renamer(template.Document, PlaceOf(index))(template.Text);
        var random = new Random(HashCode.Combine(seed, index));
        return (template, Perturb(renamed, random));
    }

    /// <summary>
    /// Replaces the issuer's names longest first in one pass (清远市清城区, 清远市, 清城区, then the
    /// bare 清远 and 清城 of 清远市妇联-style mentions), so a replacement is never replaced again.
    /// </summary>
    private static Func<string, string> Renamer(CorpusDocument template, SyntheticPlace place)
    {
        var meta = template.Metadata;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Map(string? from, string? to)
        {
            if (from is { Length: >= 2 } && to is not null)
            {
                map.TryAdd(from, to);
            }
        }

        Map(meta.DisplayName, place.DisplayName);
        Map(meta.City + meta.District, place.City + place.District);
        Map(meta.City, place.City);
        Map(meta.District, place.District);
        Map(Stem(meta.City), Stem(place.City));
        Map(Stem(meta.District), Stem(place.District));
        if (map.Count == 0)
        {
            return s => s;
        }

        var names = new Regex(string.Join("|", map.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant);
        return s => names.Replace(s, m => map[m.Value]);
    }

    // "清远市" → "清远": local texts name the place without its suffix (清远妇联, 宝安区 → 宝安).
    private static string? Stem(string? name) => name is { Length: >= 3 } ? name[..^1] : null;

    private static string Perturb(string text, Random random) =>
        RateNumber().Replace(text, m =>
        {
            var written = m.Value;
            if (!decimal.TryParse(written, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value == 0)
            {
                return written;
            }

            var decimals = written.Contains('.', StringComparison.Ordinal) ? written.Length - written.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            var factor = 0.9m + (decimal)random.NextDouble() * 0.2m;
            var changed = Math.Round(value * factor, decimals, MidpointRounding.AwayFromZero);

            // A share stays a share: 100% may drop, but 98% must not become 105%.
            if (value <= 100 && changed > 100)
            {
                changed = 100;
            }

            return changed <= 0 ? written : changed.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        });

    private static string Name(string alphabet, int index)
    {
        var size = alphabet.Length;
        var name = new StringBuilder();
        name.Append(alphabet[index % size]).Append(alphabet[index / size % size]);
        for (var rest = index / (size * size); rest > 0; rest /= size)
        {
            name.Append(alphabet[(rest - 1) % size]);
        }

        return name.ToString();
    }

    // Only numbers with a rate unit: item numbers, years, dates and document numbers stay as they
    // are, so the segmenter sees the same structure as in the template.
    [GeneratedRegex(@"(?<![\d.])\d+(?:\.\d+)?(?=\s*(?:%|％|‰|/10万|/万|个百分点))")]
    private static partial Regex RateNumber();

    private sealed record Template(CorpusDocument Document, string Text);
}
