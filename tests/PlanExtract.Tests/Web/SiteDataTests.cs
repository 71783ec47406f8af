using PlanExtract.Build;
using PlanExtract.Corpus;
using PlanExtract.Tests.Cli;
using PlanExtract.Web;

namespace PlanExtract.Tests.Web;

/// <summary>What the site starts from: the records build wrote, not the pipeline over every plan; whole documents on demand, a bounded number kept.</summary>
public sealed class SiteDataTests
{
    [Fact]
    public void The_site_loads_the_records_build_wrote_and_reads_a_whole_document_only_when_asked()
    {
        using var web = new WebFixture();
        var full = new CorpusReader(Pipeline.ForCorpus(RepoPaths.Corpus)).ReadAll(new CorpusLayout(RepoPaths.Corpus));
        Assert.Equal(full.Select(r => r.Document.Source), web.Data.Results.Select(r => r.Document.Source));
        foreach (var (loaded, read) in web.Data.Read.Zip(full))
        {
            // Every target is in the records; not every item (a goal without a number is left out).
            Assert.Equal(read.Plans!.AllTargets().Select(t => (t.Text, t.Line, t.Value)), loaded.Plans!.AllTargets().Select(t => (t.Text, t.Line, t.Value)));
            Assert.True(loaded.Plans!.Plans.Sum(p => p.AllItems().Count()) <= read.Plans!.Plans.Sum(p => p.AllItems().Count()));
            var whole = web.Data.Full(loaded);
            Assert.Equal(read.Plans.Plans.Sum(p => p.AllItems().Count()), whole.Plans.Plans.Sum(p => p.AllItems().Count()));
            Assert.Equal(read.Plans.Plans.SelectMany(p => p.AllItems()).Select(i => i.Text), whole.Plans.Plans.SelectMany(p => p.AllItems()).Select(i => i.Text));
            Assert.NotEmpty(whole.Blocks);
        }

        Assert.Contains(web.Data.Read, r => r.Plans!.Plans.Sum(p => p.AllItems().Count()) < web.Data.Full(r).Plans.Plans.Sum(p => p.AllItems().Count()));
    }

    [Fact]
    public void Missing_records_say_to_run_build()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "output");
        CorpusBuild.Run(new CorpusLayout(RepoPaths.Corpus), output, new BuildOptions(Full: true, Tables: false));
        var index = new OutputLayout(output).Index;
        File.Delete(Path.Combine(index, OutputLayout.RecordsFile));

        var error = Assert.Throws<UnusableIndexException>(() => SiteData.Load(new SiteSources(RepoPaths.Corpus, index)));
        Assert.True(error.Missing);
        Assert.EndsWith(OutputLayout.RecordsFile, error.Path);

        var (code, _, stderr) = CliRunner.Run("serve", "--index", index, "--corpus", RepoPaths.Corpus, "--port", "0");
        Assert.Equal(1, code);
        Assert.Contains("records.jsonl: no records of the last build; run `planextract build` first", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void The_cache_keeps_the_most_recently_used_up_to_its_capacity()
    {
        var cache = new RecentCache<int, string>(2);
        var made = 0;
        string Make(int k)
        {
            made++;
            return k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        cache.GetOrAdd(1, Make);
        cache.GetOrAdd(2, Make);
        Assert.Equal("1", cache.GetOrAdd(1, Make));
        Assert.Equal(2, made);
        cache.GetOrAdd(3, Make);
        Assert.Equal(2, cache.Count);

        // 2 was the least recently used: it went, 1 stayed.
        cache.GetOrAdd(1, Make);
        Assert.Equal(3, made);
        cache.GetOrAdd(2, Make);
        Assert.Equal(4, made);
    }
}
