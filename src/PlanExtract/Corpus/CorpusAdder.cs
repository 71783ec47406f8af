using System.Security.Cryptography;
using System.Text.Json;
using PlanExtract.Model;
using PlanExtract.Reading;

namespace PlanExtract.Corpus;

/// <param name="Replace">File the plan where a document already is, taking that one out (only once the new one is found usable).</param>
public sealed record AddRequest(string File, string? District = null, string? City = null, string? Province = null, bool Replace = false);

/// <summary>Why a document was not added; <paramref name="Fields"/> are the request fields that would settle it ("city", "district").</summary>
public sealed record AddRefusal(string Reason, params IReadOnlyList<string> Fields)
{
    public override string ToString() => Reason;
}

/// <summary>The outcome of <c>add</c>: where the document went (null when refused), and why.</summary>
public sealed record AddResult(CorpusDocument? Added, ValidationReport Report, DocumentFacts Facts, IReadOnlyList<AddRefusal> Reasons)
{
    /// <summary>The document <c>--replace</c> took out, if any.</summary>
    public CorpusDocument? Replaced { get; init; }

    /// <summary>Where the issuer was placed (null when it could not be), with the gazetteer's near names for a name it lacks.</summary>
    public PlacementResult? Placement { get; init; }

    /// <summary>
    /// The corpus as listed with the document added, for the build that follows (null: list it
    /// again). Listed as the add started: a change another process makes meanwhile is not in it.
    /// </summary>
    public CorpusInventory? Corpus { get; init; }

    public bool Usable => Added is not null;
}

/// <summary>
/// Files a new district plan under corpus/&lt;province&gt;/&lt;city&gt;/&lt;district&gt;/ with its metadata,
/// after reading and validating it. Nothing is written when the document is not usable, when
/// the same bytes are already in the corpus, or when a name would leave the corpus folder.
/// </summary>
public sealed class CorpusAdder(Pipeline pipeline, CorpusLayout corpus)
{
    public AddResult Add(AddRequest request)
    {
        var bytes = DocumentFile.ReadAllBytes(request.File, pipeline.Limits);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // The plan is read while the corpus is listed (3,200 meta.json files): both cores at once.
        // A duplicate is still refused before anything the read finds is said.
        var reading = Task.Run(() =>
        {
            var blocks = pipeline.Readers.Read(request.File);
            var document = pipeline.Segment(request.File, blocks);
            return (Blocks: blocks, Document: document, Facts: DocumentFactsReader.Read(document, blocks));
        });
        CorpusInventory? listed;
        IReadOnlyList<CorpusDocument> existing;
        try
        {
            listed = Directory.Exists(corpus.Root) ? corpus.Inventory() : null;
            existing = listed?.Documents ?? [];
            if (!request.Replace)
            {
                RefuseDuplicate(request.File, hash, existing);
            }
        }
        catch
        {
            reading.ContinueWith(static t => t.Exception, TaskScheduler.Default).Wait();
            throw;
        }

        var (blocks, document, facts) = reading.GetAwaiter().GetResult();
        foreach (var (field, name) in new[] { ("province", request.Province), ("city", request.City), ("district", request.District) })
        {
            if (name is not null && !IsFolderName(name))
            {
                throw new InvalidFieldException(field, $"'{name}' is not a plain name (no '/', '\\', '..' or control characters)", request.File);
            }
        }

        var placed = IssuerPlacement.Place(Gazetteer.Default, new IssuerPlacement.Given(request.District, request.City, request.Province), facts, IssuerPlacement.Opening(blocks));
        var place = placed.Placement;
        var reasons = new List<AddRefusal>();
        if (place is null)
        {
            var candidates = placed.Candidates.Count == 0 ? string.Empty : $" ({(placed.Ambiguous ? "candidates" : "near")}: {string.Join(", ", placed.Candidates)})";
            reasons.Add(facts.Issuer is null && request.District is null && request.City is null
                ? new AddRefusal("cannot tell the issuer from the plan title", "district", "city", "province")
                : new AddRefusal(placed.Reason + candidates, placed.Ambiguous ? ["province", "city"] : ["district", "city", "province"]));
        }

        var displayName = place?.DisplayName ?? facts.Issuer ?? request.District ?? request.City ?? string.Empty;
        var report = CorpusValidator.Validate(document with { District = displayName.Length > 0 ? displayName : document.District }, indicators: pipeline.Indicators);
        reasons.AddRange(report.Findings.Where(f => f.Severity == Severity.Error).Select(f => new AddRefusal(f.Message)));
        if (reasons.Count > 0)
        {
            return new AddResult(null, report, facts, reasons) { Placement = placed };
        }

        var folder = Path.GetFullPath(Path.Combine([corpus.Root, .. place!.Folders]));
        if (!folder.StartsWith(corpus.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new PlanExtractException($"{request.File}: the corpus folder for '{displayName}' would lie outside {corpus.Given}");
        }

        // A folder on the way that is a link would take the plan wherever it points, and no build reads through a link.
        if (LinkOnTheWay(corpus.Root, folder) is { } link)
        {
            throw new PlanExtractException($"{request.File}: {corpus.DisplayPath(link)} is a symbolic link, which the corpus never follows; nothing was added");
        }

        var metadataPath = Path.Combine(folder, CorpusLayout.MetadataFile);
        var replaced = existing.FirstOrDefault(d => d.Folder == folder);
        if (replaced is not null && !request.Replace)
        {
            return new AddResult(null, report, facts, [new AddRefusal($"{displayName} already has a document in the corpus ({corpus.DisplayPath(replaced.FilePath)}); add it with replace to swap it, or remove it first", "replace")]) { Placement = placed };
        }

        // The same bytes elsewhere in the corpus are a mistake; in the folder being replaced they are a refresh of its meta.json.
        RefuseDuplicate(request.File, hash, [.. existing.Where(d => d != replaced)]);

        var fileName = "plans" + Path.GetExtension(request.File).ToLowerInvariant();
        var metadata = new CorpusMetadata
        {
            Province = place.Province,
            City = place.City,
            District = place.District,
            DisplayName = displayName,
            Level = place.LevelName,
            DivisionCode = place.Code,
            Issuer = (facts.Issuer ?? displayName) + "人民政府",
            DocumentNumber = facts.DocumentNumber,
            Date = facts.Date,
            Plans = [.. facts.Titles.Select(t => new CorpusMetadata.PlanTitle(t.Kind.ToContractName(), t.Title))],
            File = fileName,
            OriginalFile = Path.GetFileName(request.File),
            Sha256 = hash,
        };

        Install(folder, fileName, bytes, JsonSerializer.Serialize(metadata, CorpusMetadata.JsonOptions) + "\n", replaced);
        var added = corpus.Load(metadataPath);
        return new AddResult(added, report, facts, []) { Replaced = replaced, Placement = placed, Corpus = listed?.After(corpus, added, replaced) };
    }

    // Staged under names no corpus read takes for a document, then moved in; meta.json comes last,
    // since it is what makes a folder a document. A failure removes what was staged: the issue's
    // full disk left plans.txt and a 0-byte meta.json that blocked build, check and add.
    // A replacement keeps the old plan until the new one is staged whole: the move of meta.json
    // switches the folder to the new plan, and only then is an old plan of another name dropped.
    private static void Install(string folder, string fileName, byte[] bytes, string metadata, CorpusDocument? replaced)
    {
        const string Staged = ".adding";
        var metadataPath = Path.Combine(folder, CorpusLayout.MetadataFile);
        // A document whose meta.json cannot be read is listed as that meta.json: its plan is not known.
        var unknownPlan = replaced is { Error: not null } && replaced.FilePath == metadataPath;
        var replacedFile = unknownPlan ? null : replaced?.FilePath;
        var created = !Directory.Exists(folder);
        var staging = created ? folder + Staged + "-" + Guid.NewGuid().ToString("N")[..8] : folder;
        var plans = Path.Combine(folder, fileName);
        var movedPlans = false;
        var movedMetadata = false;
        // The highest folder this add creates (a new province or city), removed again on failure.
        var top = folder;
        while (Path.GetDirectoryName(top) is { } parent && !Directory.Exists(parent))
        {
            top = parent;
        }

        try
        {
            Directory.CreateDirectory(staging);
            WriteNew(Path.Combine(staging, fileName + Staged), bytes);
            WriteNew(Path.Combine(staging, CorpusLayout.MetadataFile + Staged), System.Text.Encoding.UTF8.GetBytes(metadata));
            if (created)
            {
                Directory.Move(staging, folder);
            }

            // Where the meta.json could not be read, a plan of the new one's name is taken for the old plan.
            var samePlan = replacedFile == plans || (unknownPlan && File.Exists(plans));
            if (!samePlan)
            {
                File.Move(Path.Combine(folder, fileName + Staged), plans);
                movedPlans = true;
            }

            File.Move(Path.Combine(folder, CorpusLayout.MetadataFile + Staged), metadataPath, overwrite: replaced is not null);
            movedMetadata = true;
            if (samePlan)
            {
                // Its own name: one rename puts the new bytes in place of the old.
                File.Move(Path.Combine(folder, fileName + Staged), plans, overwrite: true);
            }
            else if (replacedFile is not null && replacedFile != metadataPath)
            {
                // (A meta.json may name itself as its plan: that name is the new meta.json now.)
                File.Delete(replacedFile);
            }
        }
        catch (Exception e)
        {
            foreach (var leftover in new[] { Path.Combine(folder, fileName + Staged), Path.Combine(folder, CorpusLayout.MetadataFile + Staged) }.Where(File.Exists))
            {
                File.Delete(leftover);
            }

            if (created)
            {
                foreach (var made in new[] { staging, top }.Where(Directory.Exists))
                {
                    Directory.Delete(made, recursive: true);
                }
            }
            else if (movedPlans && !movedMetadata)
            {
                // Once meta.json names the new plan, the plan stays: what failed after it is said, not undone.
                File.Delete(plans);
            }

            // EFBIG: .NET words a write past the file size limit as an argument error from its file I/O.
            if (e is ArgumentOutOfRangeException { TargetSite.DeclaringType: { } thrower } && (thrower.FullName == "Interop" || thrower.Namespace == "System.IO"))
            {
                throw new PlanExtractException($"{folder}: cannot write the document: a file would pass the file size limit; nothing was added", e);
            }

            throw;
        }
    }

    // A staged name already there (a leftover, or a link someone made) is removed, never written through.
    private static void WriteNew(string path, byte[] bytes)
    {
        File.Delete(path);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(bytes);
    }

    // The first folder from the corpus root down to the plan's folder that exists and is a symbolic link.
    private static string? LinkOnTheWay(string root, string folder)
    {
        var below = Path.GetRelativePath(root, folder).Split(Path.DirectorySeparatorChar);
        var path = root;
        foreach (var name in below)
        {
            path = Path.Combine(path, name);
            var entry = new DirectoryInfo(path);
            if (entry.LinkTarget is not null)
            {
                return path;
            }

            if (!entry.Exists)
            {
                return null;
            }
        }

        return null;
    }

    private void RefuseDuplicate(string file, string hash, IReadOnlyList<CorpusDocument> existing)
    {
        if (existing.FirstOrDefault(d => Sha256Of(d) == hash) is { } same)
        {
            throw new PlanExtractException($"{file}: already in the corpus as {corpus.DisplayPath(same.FilePath)}");
        }
    }

    private static string Sha256Of(CorpusDocument document)
    {
        if (document.Metadata.Sha256 is { } known)
        {
            return known;
        }

        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(DocumentFile.ReadAllBytes(document.FilePath)));
        }
        catch (DocumentReadException)
        {
            // A corpus file that cannot be read is that document's problem (build and check name it), not this add's.
            return string.Empty;
        }
    }

    /// <summary>A province, city or district name becomes a folder: it must stay one folder.</summary>
    public static bool IsFolderName(string name) =>
        name.Length is > 0 and <= 40
        && name.Trim() == name
        && name != "." && !name.Contains("..", StringComparison.Ordinal)
        && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) < 0
        && !name.Any(char.IsControl);
}
