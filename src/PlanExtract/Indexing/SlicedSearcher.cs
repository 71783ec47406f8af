using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PlanExtract.Indexing;

/// <summary>
/// An index searcher that, on a large index, searches its segments in slices of about equal size
/// on several threads, one collector per slice, and hands back the collectors for the caller to
/// merge. At 3,200 documents Lucene's matching was most of a search (docs/PERFORMANCE.md, "Search
/// at 3,200"), and it runs on one core while the machine has two.
/// </summary>
/// <remarks>
/// Every slice is searched with the same weight, made once from the whole index's statistics, so a
/// document scores exactly as in a search of all segments on one thread. A thread that finds the
/// other slices not yet started takes them itself, so a busy thread pool costs waiting for no
/// thread, only the parallelism. A small index (the repository's four plans) stays on one thread:
/// handing a slice over costs more than searching it.
/// </remarks>
internal sealed class SlicedSearcher : IndexSearcher
{
    /// <summary>
    /// Index documents (items and targets; 420 a plan document at 3,200) from which searches run
    /// in slices. At 100,000 a bench query takes about 0.5 ms on one thread (docs/PERFORMANCE.md,
    /// "Search on both cores"); below, handing a slice to another thread gains little.
    /// </summary>
    internal const int SlicedFrom = 100_000;

    /// <summary>Slices at most: one a core, and more than this gains nothing a slice's merge does not lose.</summary>
    internal const int MostSlices = 8;

    private readonly IList<AtomicReaderContext>[] _slices;
    private long _sliced;

    /// <param name="threads">Slices to search in (0: one a core); only from <paramref name="slicedFrom"/> index documents on.</param>
    public SlicedSearcher(IndexReader reader, int slicedFrom = SlicedFrom, int threads = 0)
        : base(reader)
    {
        var wanted = threads > 0 ? threads : Math.Min(Environment.ProcessorCount, MostSlices);
        _slices = Slice(reader.Leaves, reader.MaxDoc >= slicedFrom ? wanted : 1);
    }

    /// <summary>How many slices a search runs in: 1 on a small index or a single segment.</summary>
    public int Slices => _slices.Length;

    /// <summary>Searches that ran in slices so far (the others ran on the calling thread).</summary>
    public long SlicedSearches => Interlocked.Read(ref _sliced);

    /// <summary>
    /// Searches every segment for <paramref name="query"/> under <paramref name="filter"/>, each
    /// slice into a collector of its own (<paramref name="collector"/> makes them), and returns
    /// them in slice order: one collector when the search ran on one thread.
    /// </summary>
    public IReadOnlyList<T> Search<T>(Query query, Filter? filter, Func<T> collector)
        where T : ICollector
    {
        if (_slices.Length == 1)
        {
            var only = collector();
            Search(query, filter, only);
            return [only];
        }

        // As IndexSearcher.Search(query, filter, collector) does, once for all slices.
        var weight = CreateNormalizedWeight(WrapFilter(query, filter));
        var collectors = new T[_slices.Length];
        for (var i = 0; i < collectors.Length; i++)
        {
            collectors[i] = collector();
        }

        new Run<T>(this, weight, collectors).Wait();
        Interlocked.Increment(ref _sliced);
        return collectors;
    }

    // Greedy by size: the largest segment first, each into the slice holding the fewest documents
    // so far; within a slice, segments keep their index order.
    private static IList<AtomicReaderContext>[] Slice(IList<AtomicReaderContext> leaves, int wanted)
    {
        var count = Math.Max(1, Math.Min(wanted, leaves.Count));
        if (count == 1)
        {
            return [leaves];
        }

        var slices = new List<AtomicReaderContext>[count];
        var sizes = new long[count];
        for (var i = 0; i < count; i++)
        {
            slices[i] = [];
        }

        foreach (var leaf in leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).ThenBy(l => l.Ord))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            slices[smallest].Add(leaf);
            sizes[smallest] += leaf.AtomicReader.MaxDoc;
        }

        foreach (var slice in slices)
        {
            slice.Sort((a, b) => a.Ord.CompareTo(b.Ord));
        }

        return slices;
    }

    /// <summary>One search's slices: taken in turn by the calling thread and by helpers from the thread pool.</summary>
    private sealed class Run<T>(SlicedSearcher searcher, Weight weight, T[] collectors)
        where T : ICollector
    {
        private readonly CountdownEvent _done = new(collectors.Length);
        private int _next = -1;
        private ExceptionDispatchInfo? _failure;

        public void Wait()
        {
            // Not disposed: a helper may still be returning from the last signal, and without a
            // wait handle asked for, the event holds nothing to release.
            for (var helper = 1; helper < collectors.Length; helper++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static run => run.TakeAll(), this, preferLocal: false);
            }

            TakeAll();
            _done.Wait();

            _failure?.Throw();
        }

        private void TakeAll()
        {
            for (var slice = Interlocked.Increment(ref _next); slice < collectors.Length; slice = Interlocked.Increment(ref _next))
            {
                try
                {
                    searcher.Search(searcher._slices[slice], weight, collectors[slice]);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
                }
                finally
                {
                    _done.Signal();
                }
            }
        }
    }
}
