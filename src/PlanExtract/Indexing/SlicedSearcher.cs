using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PlanExtract.Indexing;

/// <summary>
/// An index searcher that, on a large index, searches its segments on several threads, one
/// collector per thread, and hands back the collectors for the caller to merge. At 3,200
/// documents Lucene's matching was most of a search (docs/PERFORMANCE.md, "Search at 3,200"),
/// and it runs on one core while the machine has two.
/// </summary>
/// <remarks>
/// Every segment is searched with the same weight, made once from the whole index's statistics, so
/// a document scores exactly as in a search of all segments on one thread. Threads take the
/// segments one at a time; the calling thread takes every one no helper has started, so a busy
/// thread pool costs waiting for no thread, only the parallelism. A small index (the repository's
/// four plans) stays on one thread: handing a segment over costs more than searching it.
/// </remarks>
internal sealed class SlicedSearcher : IndexSearcher
{
    /// <summary>
    /// Index documents (items and targets; 420 a plan document at 3,200) from which searches may
    /// run on several threads. At 163,650 (400 documents) a bench query took 1.2–1.4 ms on one
    /// thread and no less on two under load; not yet measured on a quiet machine
    /// (docs/PERFORMANCE.md, "Search on both cores").
    /// </summary>
    internal const int SlicedFrom = 100_000;

    /// <summary>Threads at most: one a core, and more than this gains nothing a collector's merge does not lose.</summary>
    internal const int MostSlices = 8;

    /// <summary>The segments, largest first: the order threads take them in.</summary>
    private readonly AtomicReaderContext[] _bySize;
    private readonly int _allThreads;
    private volatile int _threads;
    private long _sliced;

    /// <param name="threads">Threads to search on (0: one a core); only from <paramref name="slicedFrom"/> index documents on.</param>
    /// <param name="allCores">Whether to search on them from the start, rather than from <see cref="UseAllCores"/> on.</param>
    public SlicedSearcher(IndexReader reader, int slicedFrom = SlicedFrom, int threads = 0, bool allCores = false)
        : base(reader)
    {
        var wanted = threads > 0 ? threads : Math.Min(Environment.ProcessorCount, MostSlices);
        _bySize = [.. reader.Leaves.OrderByDescending(l => l.AtomicReader.MaxDoc).ThenBy(l => l.Ord)];
        _allThreads = reader.MaxDoc >= slicedFrom ? Math.Max(1, Math.Min(wanted, _bySize.Length)) : 1;
        _threads = allCores ? _allThreads : 1;
    }

    /// <summary>How many threads a search runs on, each with a collector of its own: 1 on a small index or a single segment, or before <see cref="UseAllCores"/>.</summary>
    public int Slices => _threads;

    /// <summary>Searches from now on run on every core (when the index is large enough): for a searcher that answers many queries.</summary>
    public void UseAllCores() => _threads = _allThreads;

    /// <summary>Searches that ran on several threads so far (the others ran on the calling thread).</summary>
    public long SlicedSearches => Interlocked.Read(ref _sliced);

    /// <summary>
    /// Searches every segment for <paramref name="query"/> under <paramref name="filter"/>, each
    /// thread into a collector of its own (<paramref name="collector"/> makes them), and returns
    /// them: one collector when the search ran on one thread.
    /// </summary>
    public IReadOnlyList<T> Search<T>(Query query, Filter? filter, Func<T> collector)
        where T : ICollector
    {
        var threads = _threads;
        if (threads == 1)
        {
            var only = collector();
            Search(query, filter, only);
            return [only];
        }

        // As IndexSearcher.Search(query, filter, collector) does, once for all threads.
        var weight = CreateNormalizedWeight(WrapFilter(query, filter));
        var collectors = new T[threads];
        for (var i = 0; i < collectors.Length; i++)
        {
            collectors[i] = collector();
        }

        new Run<T>(this, weight, collectors).Wait();
        Interlocked.Increment(ref _sliced);
        return collectors;
    }

    /// <summary>
    /// One search's segments, taken one at a time, largest first, by the calling thread and by
    /// helpers from the thread pool, each into its own collector. Handing out segments rather than
    /// fixed halves keeps a thread that the machine slows down (another process, the JIT's
    /// background compiles in a process's first searches) from holding up the others: at 3,200
    /// documents fixed halves kept the calling thread waiting up to 150 ms for its helper.
    /// </summary>
    private sealed class Run<T>(SlicedSearcher searcher, Weight weight, T[] collectors)
        where T : ICollector
    {
        private readonly CountdownEvent _done = new(searcher._bySize.Length);
        private int _next = -1;
        private ExceptionDispatchInfo? _failure;

        public void Wait()
        {
            // Not disposed: a helper may still be returning from the last signal, and without a
            // wait handle asked for, the event holds nothing to release.
            for (var helper = 1; helper < collectors.Length; helper++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static state => state.Run.TakeAll(state.Collector), (Run: this, Collector: collectors[helper]), preferLocal: false);
            }

            TakeAll(collectors[0]);
            _done.Wait();
            _failure?.Throw();
        }

        private void TakeAll(T collector)
        {
            var segments = searcher._bySize;
            for (var segment = Interlocked.Increment(ref _next); segment < segments.Length; segment = Interlocked.Increment(ref _next))
            {
                try
                {
                    searcher.Search([segments[segment]], weight, collector);
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
