using PlanExtract.Corpus;
using PlanExtract.Reading;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary>Every file under the corpus is a document, its metadata, the catalog, or a finding by name.</summary>
public sealed class CorpusInventoryTests : IDisposable
{
    private static readonly string[] Extensions = [.. DocumentReaders.Default.Extensions];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CorpusInventory Take(string corpus) => CorpusInventory.Take(new CorpusLayout(corpus), Extensions);

    [Fact]
    public void RepositoryCorpusHasFourDocumentsAndNoFindings()
    {
        var inventory = Take(RepoPaths.Corpus);

        Assert.Equal(4, inventory.Documents.Count);
        Assert.Empty(inventory.Findings);
    }

    [Fact]
    public void StrayFileIsReportedByName()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllText(Path.Combine(corpus, "广东省", "清远市", "清城区", "notes.docx.bak"), "x");

        var finding = Assert.Single(Take(corpus).Findings);

        Assert.Equal("广东省/清远市/清城区/notes.docx.bak", finding.Path);
        Assert.Equal(CorpusProblem.NotPartOfCorpus, finding.Problem);
    }

    [Fact]
    public void PlanFileWithoutMetadataIsReportedByName()
    {
        var corpus = _temp.CopyOfCorpus();
        CorpusDamage.AddPlanWithoutMetadata(corpus);

        var inventory = Take(corpus);

        var finding = Assert.Single(inventory.Findings);
        Assert.Equal("广东省/清远市/英德市/plans.pdf", finding.Path);
        Assert.Equal(CorpusProblem.PlanWithoutMetadata, finding.Problem);
        Assert.Equal(4, inventory.Documents.Count);
    }

    [Fact]
    public void SymlinkLoopIsReportedAndNothingIsReadTwice()
    {
        var corpus = _temp.CopyOfCorpus();
        CorpusDamage.AddLinkLoop(corpus);

        var inventory = Take(corpus);

        Assert.Equal(4, inventory.Documents.Count);
        Assert.Equal(4, inventory.Documents.Select(d => d.FilePath).Distinct().Count());
        var finding = Assert.Single(inventory.Findings);
        Assert.Equal("广东省/loop", finding.Path);
        Assert.Equal(CorpusProblem.LinkInside, finding.Problem);
    }

    [Fact]
    public void SymlinkOutOfTheCorpusIsNotFollowed()
    {
        var corpus = _temp.CopyOfCorpus();
        var outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "elsewhere", "某市")).FullName;
        File.Copy(Path.Combine(corpus, "广东省", "清远市", "meta.json"), Path.Combine(outside, "meta.json"));
        File.Copy(Path.Combine(corpus, "广东省", "清远市", "plans.txt"), Path.Combine(outside, "plans.txt"));
        File.CreateSymbolicLink(Path.Combine(corpus, "广东省", "某市"), outside);

        var inventory = Take(corpus);

        Assert.Equal(4, inventory.Documents.Count);
        Assert.DoesNotContain(inventory.Documents, d => d.FilePath.StartsWith(outside, StringComparison.Ordinal));
        var finding = Assert.Single(inventory.Findings);
        Assert.Equal(CorpusProblem.LinkOutside, finding.Problem);
    }

    [Theory]
    [InlineData("../../../深圳市/宝安区/plans.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public void MetadataFileOutsideItsFolderIsThatDocumentsError(string file)
    {
        var corpus = _temp.CopyOfCorpus();
        var meta = Path.Combine(corpus, "广东省", "清远市", "清城区", "meta.json");
        CorpusDamage.PointMetadataAt(meta, file);

        var inventory = Take(corpus);

        var broken = Assert.Single(inventory.Documents, d => d.Error is not null);
        Assert.Equal(meta, broken.FilePath);
        Assert.Contains("must name a file in the same folder", broken.Error, StringComparison.Ordinal);
        Assert.Empty(inventory.Findings);
    }

    // "symlinks … read files outside the corpus": a plan file that is a link is that document's error.
    [Fact]
    public void PlanFileThatIsALinkIsThatDocumentsError()
    {
        var corpus = _temp.CopyOfCorpus();
        var (plan, _) = CorpusDamage.LinkPlanFromOutside(_temp, corpus);

        var inventory = Take(corpus);

        var broken = Assert.Single(inventory.Documents, d => d.Error is not null);
        Assert.Equal(plan, broken.FilePath);
        Assert.Contains("outside the corpus", broken.Error, StringComparison.Ordinal);
        Assert.Empty(inventory.Findings);
    }

    // The build after an add takes the adder's listing with the document added (CorpusInventory.After)
    // instead of walking the corpus again: it must be the listing a walk gives.
    [Fact]
    public void ListingAfterAnAddIsTheListingAWalkGives()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllText(Path.Combine(corpus, "广东省", "深圳市", "宝安区", "说明.xlsx"), "x");
        var district = Path.Combine(corpus, "广东省", "清远市", "清城区");
        var plan = _temp.File("清城区.txt", File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        Directory.Delete(district, recursive: true);

        var result = Adder(corpus).Add(new AddRequest(plan));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        AssertSameListing(Take(corpus), result.Corpus);
    }

    // "a/b-c/meta.json" comes before "a/b/meta.json" ('-' < '/'), though the folder "a/b" comes first.
    [Fact]
    public void ListingAfterAnAddKeepsTheWalksOrderByMetadataPath()
    {
        var corpus = _temp.CopyOfCorpus();
        var edited = _temp.File("清城区.txt", [.. File.ReadAllBytes(Path.Combine(corpus, "广东省", "清远市", "清城区", "plans.txt")), .. "\n"u8]);

        var result = Adder(corpus).Add(new AddRequest(edited, District: "清城区-新", City: "清远市", Province: "广东省"));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        var walked = Take(corpus);
        var added = walked.Documents.Select(d => d.Folder).ToList().IndexOf(Path.Combine(corpus, "广东省", "清远市", "清城区-新"));
        Assert.Equal(Path.Combine(corpus, "广东省", "清远市", "清城区"), walked.Documents[added + 1].Folder);
        AssertSameListing(walked, result.Corpus);
    }

    [Fact]
    public void ListingAfterAReplaceIsTheListingAWalkGives()
    {
        var corpus = _temp.CopyOfCorpus();
        var edited = _temp.File("宝安区.txt", [.. File.ReadAllBytes(Path.Combine(corpus, "广东省", "深圳市", "宝安区", "plans.txt")), .. "\n"u8]);

        var result = Adder(corpus).Add(new AddRequest(edited, Replace: true));

        Assert.NotNull(result.Replaced);
        AssertSameListing(Take(corpus), result.Corpus);
    }

    // A finding in the folder the add files into can change with it: a plans.pdf without meta.json
    // becomes a file its folder's meta.json does not name. The build then lists again.
    [Fact]
    public void NoListingAfterAnAddIntoAFolderWithAFinding()
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "清远市", "清城区");
        var plan = _temp.File("清城区.txt", File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        File.Delete(Path.Combine(district, "plans.txt"));
        File.Delete(Path.Combine(district, CorpusLayout.MetadataFile));
        File.WriteAllText(Path.Combine(district, "plans.pdf"), "x");
        Assert.Equal(CorpusProblem.PlanWithoutMetadata, Assert.Single(Take(corpus).Findings).Problem);

        var result = Adder(corpus).Add(new AddRequest(plan));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.Equal(CorpusProblem.NotPartOfCorpus, Assert.Single(Take(corpus).Findings).Problem);
        Assert.Null(result.Corpus);
    }

    // A replace over a folder whose meta.json cannot be read: the new meta.json stays (the unreadable
    // document stands for its meta.json, which the replace deleted after moving the new one over
    // it), a plan of the new plan's name is replaced, and the folder's other files, no longer hidden
    // behind the unreadable document, are listed again by a walk.
    [Theory]
    [InlineData("old.txt")]
    [InlineData("plans.txt")]
    public void ReplaceOverAnUnreadableMetadataKeepsTheNewOneAndListsTheFolderAgain(string oldPlan)
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "深圳市", "宝安区");
        byte[] text = [.. File.ReadAllBytes(Path.Combine(district, "plans.txt")), .. "\n"u8];
        var edited = _temp.File("宝安区.txt", text);
        File.Move(Path.Combine(district, "plans.txt"), Path.Combine(district, oldPlan), overwrite: true);
        File.WriteAllText(Path.Combine(district, CorpusLayout.MetadataFile), "{ not json");

        var result = Adder(corpus).Add(new AddRequest(edited, Replace: true));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.NotNull(result.Replaced?.Error);
        Assert.Equal(text, File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        var walked = Take(corpus);
        Assert.Contains(walked.Documents, d => d.Folder == district && d.Error is null);
        Assert.Equal(oldPlan == "plans.txt" ? [] : ["广东省/深圳市/宝安区/old.txt"], walked.Findings.Select(f => f.Path));
        Assert.Null(result.Corpus);
    }

    // A city's own plan is filed in the folder that holds its districts' folders; a stray file in a
    // district's folder is judged by that folder's meta.json, so the add does not change it.
    [Fact]
    public void ListingAfterAddingACityAboveAFindingIsTheListingAWalkGives()
    {
        var corpus = _temp.CopyOfCorpus();
        var city = Path.Combine(corpus, "广东省", "清远市");
        var plan = _temp.File("清远市.txt", File.ReadAllBytes(Path.Combine(city, "plans.txt")));
        File.Delete(Path.Combine(city, "plans.txt"));
        File.Delete(Path.Combine(city, CorpusLayout.MetadataFile));
        File.WriteAllText(Path.Combine(city, "清城区", "notes.docx.bak"), "x");

        var result = Adder(corpus).Add(new AddRequest(plan));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.Equal(city, result.Added!.Folder);
        AssertSameListing(Take(corpus), result.Corpus);
    }

    // Issue 16: the corpus never follows a link. A plan filed through one would land wherever it
    // points, and no build would read it: the add is refused and nothing is written there.
    [Theory]
    [InlineData("广东省/清远市/清城区")]
    [InlineData("广东省/清远市")]
    public void AddThroughALinkedFolderIsRefusedAndWritesNothing(string linked)
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "清远市", "清城区");
        var plan = _temp.File("清城区.txt", File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        var folder = Path.Combine(corpus, linked);
        var outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "outside")).FullName;
        if (linked.Count(c => c == '/') == 1)
        {
            Directory.Move(folder, Path.Combine(outside, "清远市"));
            Directory.Delete(Path.Combine(outside, "清远市", "清城区"), recursive: true);
            Directory.CreateSymbolicLink(folder, Path.Combine(outside, "清远市"));
        }
        else
        {
            Directory.Delete(folder, recursive: true);
            Directory.CreateSymbolicLink(folder, outside);
        }

        var refused = Assert.Throws<PlanExtractException>(() => Adder(corpus).Add(new AddRequest(plan)));

        Assert.Contains($"{corpus}/{linked} is a symbolic link", refused.Message, StringComparison.Ordinal);
        var wouldBe = linked.Count(c => c == '/') == 1 ? Path.Combine(outside, "清远市", "清城区") : outside;
        Assert.False(Directory.Exists(wouldBe) && Directory.EnumerateFileSystemEntries(wouldBe).Any());
    }

    // A replaced document whose plan is a link (listed with an error) loses the link, as before;
    // only a document whose meta.json cannot be read has no plan to delete.
    [Fact]
    public void ReplaceOverALinkedPlanDeletesTheLinkNotItsTarget()
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "深圳市", "宝安区");
        var text = File.ReadAllBytes(Path.Combine(district, "plans.txt"));
        var outside = _temp.File("outside.txt", text);
        File.Delete(Path.Combine(district, "plans.txt"));
        File.CreateSymbolicLink(Path.Combine(district, "plans.txt"), outside);
        var edited = _temp.File("宝安区.md", [.. text, .. "\n"u8]);

        var result = Adder(corpus).Add(new AddRequest(edited, Replace: true));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.NotNull(result.Replaced?.Error);
        Assert.False(File.Exists(Path.Combine(district, "plans.txt")) || new FileInfo(Path.Combine(district, "plans.txt")).LinkTarget is not null);
        Assert.Equal(text, File.ReadAllBytes(outside));
        Assert.Empty(Take(corpus).Findings);
    }

    // remove takes the same shortcut: the listing it found the district in, without it.
    [Theory]
    [InlineData("广东省/清远市/清城区")]
    [InlineData("广东省/清远市")]
    public void ListingAfterARemoveIsTheListingAWalkGives(string folder)
    {
        var corpus = _temp.CopyOfCorpus();

        var (layout, listed, removed) = ListThenRemove(corpus, folder);

        AssertSameListing(Take(corpus), listed.After(layout, added: null, taken: removed));
    }

    // A plan file the removed meta.json named no other way: once it goes, a plans.pdf beside it is a plan without meta.json.
    [Fact]
    public void NoListingAfterARemoveFromAFolderWithAFinding()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllText(Path.Combine(corpus, "广东省", "清远市", "清城区", "plans.pdf"), "x");

        var (layout, listed, removed) = ListThenRemove(corpus, "广东省/清远市/清城区");

        Assert.Equal(CorpusProblem.NotPartOfCorpus, Assert.Single(listed.Findings).Problem);
        Assert.Equal(CorpusProblem.PlanWithoutMetadata, Assert.Single(Take(corpus).Findings).Problem);
        Assert.Null(listed.After(layout, added: null, taken: removed));
    }

    [Fact]
    public void AddIntoACorpusGivenWithATrailingSlashIsFiledInIt()
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "清远市", "清城区");
        var plan = _temp.File("清城区.txt", File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        Directory.Delete(district, recursive: true);

        var result = Adder(corpus + "/").Add(new AddRequest(plan));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.True(File.Exists(Path.Combine(district, "plans.txt")));
    }

    // A staged name that is already there as a link is removed, not written through.
    [Fact]
    public void ReplaceNeverWritesThroughALinkAtTheStagedName()
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "深圳市", "宝安区");
        byte[] text = [.. File.ReadAllBytes(Path.Combine(district, "plans.txt")), .. "\n"u8];
        var edited = _temp.File("宝安区.txt", text);
        var victim = _temp.File("victim.txt", "untouched"u8.ToArray());
        File.CreateSymbolicLink(Path.Combine(district, "plans.txt.adding"), victim);

        var result = Adder(corpus).Add(new AddRequest(edited, Replace: true));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.Equal("untouched"u8.ToArray(), File.ReadAllBytes(victim));
        Assert.Null(new FileInfo(Path.Combine(district, "plans.txt")).LinkTarget);
        Assert.Equal(text, File.ReadAllBytes(Path.Combine(district, "plans.txt")));
        Assert.Empty(Take(corpus).Findings);
    }

    // A readable meta.json that names itself as the plan: the replace keeps the new meta.json it moved in.
    [Fact]
    public void ReplaceOfAMetadataNamingItselfKeepsTheNewMetadata()
    {
        var corpus = _temp.CopyOfCorpus();
        var district = Path.Combine(corpus, "广东省", "深圳市", "宝安区");
        var text = File.ReadAllBytes(Path.Combine(district, "plans.txt"));
        var edited = _temp.File("宝安区.md", [.. text, .. "\n"u8]);
        var metadata = Path.Combine(district, CorpusLayout.MetadataFile);
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("\"file\": \"plans.txt\"", "\"file\": \"meta.json\"", StringComparison.Ordinal));
        File.Delete(Path.Combine(district, "plans.txt"));

        var result = Adder(corpus).Add(new AddRequest(edited, Replace: true));

        Assert.True(result.Usable, string.Join("; ", result.Reasons));
        Assert.Equal("plans.md", CorpusMetadata.Read(metadata).File);
        Assert.Contains(Take(corpus).Documents, d => d.FilePath == Path.Combine(district, "plans.md") && d.Error is null);
    }

    // Removing a city's own plan leaves its districts' folders, and their findings, as they were.
    [Fact]
    public void ListingAfterRemovingACityAboveAFindingIsTheListingAWalkGives()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllText(Path.Combine(corpus, "广东省", "清远市", "清城区", "notes.docx.bak"), "x");

        var (layout, listed, city) = ListThenRemove(corpus, "广东省/清远市");

        AssertSameListing(Take(corpus), listed.After(layout, added: null, taken: city));
    }

    // Its meta.json unreadable, the removed document's folder was not listed file by file: list again.
    [Fact]
    public void NoListingAfterRemovingAnUnreadableDocument()
    {
        var corpus = _temp.CopyOfCorpus();
        File.WriteAllText(Path.Combine(corpus, "广东省", "清远市", "清城区", CorpusLayout.MetadataFile), "{ not json");

        var (layout, listed, removed) = ListThenRemove(corpus, "广东省/清远市/清城区");

        Assert.NotNull(removed.Error);
        Assert.Equal(CorpusProblem.PlanWithoutMetadata, Assert.Single(Take(corpus).Findings).Problem);
        Assert.Null(listed.After(layout, added: null, taken: removed));
    }

    // As remove does: the corpus listed, the document of the folder (corpus-relative) found in it and removed.
    private static (CorpusLayout Layout, CorpusInventory Listed, CorpusDocument Removed) ListThenRemove(string corpus, string folder)
    {
        var layout = new CorpusLayout(corpus);
        var listed = layout.Inventory();
        var document = listed.Documents.Single(d => d.Folder == Path.Combine(corpus, folder));
        CorpusRemoval.Remove(document, layout);
        return (layout, listed, document);
    }

    private static CorpusAdder Adder(string corpus) => new(Pipeline.ForCorpus(corpus), new CorpusLayout(corpus));

    private static void AssertSameListing(CorpusInventory walked, CorpusInventory? listed)
    {
        Assert.NotNull(listed);
        static string Line(CorpusDocument d) => $"{d.Folder}|{d.FilePath}|{d.Source}|{d.Error}|{System.Text.Json.JsonSerializer.Serialize(d.Metadata, CorpusMetadata.JsonOptions)}";
        Assert.Equal(walked.Documents.Select(Line), listed.Documents.Select(Line));
        Assert.Equal(walked.Findings, listed.Findings);
    }
}
