using System.Text;
using PlanExtract.Tests.Cli;

namespace PlanExtract.Tests.Corpus;

/// <summary>
/// Random mutations of the corpus documents (byte flips, truncations, deleted and duplicated
/// lines) through the whole pipeline: each either succeeds or fails with the project's own error.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Mutations = 2000;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Mutated_documents_succeed_or_fail_with_the_project_error()
    {
        var documents = Directory.EnumerateFiles(RepoPaths.Corpus, "plans.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        int succeeded = 0, refused = 0;
        Parallel.For(0, Mutations, i =>
        {
            var random = new Random(i);
            var original = documents[i % documents.Length];
            var path = Path.Combine(_temp.Path, $"m{i}.txt");
            try
            {
                // The plan from its title to a random end: shorter runs, and truncation at every depth.
                File.WriteAllBytes(path, Mutate(Window(original, random), random));
                var document = Pipeline.Default.Read(path);
                _ = document.AllTargets().Count();
                Interlocked.Increment(ref succeeded);
            }
            catch (PlanExtractException)
            {
                Interlocked.Increment(ref refused);
            }
            catch (Exception e)
            {
                failures.Add($"mutation {i}: {e}");
            }
            finally
            {
                File.Delete(path);
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.Equal(Mutations, succeeded + refused);
        Assert.True(succeeded > Mutations / 2, $"only {succeeded} mutations still read as plans");
    }

    private static byte[] Window(byte[] document, Random random)
    {
        var lines = Encoding.UTF8.GetString(document).Split('\n');
        var title = Array.FindIndex(lines, l => l.TrimEnd().EndsWith("发展规划", StringComparison.Ordinal) || (l.Contains("发展规划（", StringComparison.Ordinal) && !l.Contains("关于", StringComparison.Ordinal) && !l.Contains("《", StringComparison.Ordinal)));
        var end = random.Next(title + 1, lines.Length + 1);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines[title..end]));
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var data = bytes.ToList();
        switch (random.Next(4))
        {
            case 0: // byte flips
                for (var n = random.Next(1, 20); n > 0 && data.Count > 0; n--)
                {
                    data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1: // truncation, possibly inside a UTF-8 sequence
                data = data.Take(random.Next(data.Count + 1)).ToList();
                break;
            case 2: // deleted lines
            case 3: // duplicated lines
                var lines = Encoding.UTF8.GetString([.. data]).Split('\n').ToList();
                for (var n = random.Next(1, 8); n > 0 && lines.Count > 1; n--)
                {
                    var at = random.Next(lines.Count);
                    if (data.Count % 2 == 0)
                    {
                        lines.RemoveAt(at);
                    }
                    else
                    {
                        lines.Insert(random.Next(lines.Count), lines[at]);
                    }
                }

                data = [.. Encoding.UTF8.GetBytes(string.Join('\n', lines))];
                break;
        }

        return [.. data];
    }
}
