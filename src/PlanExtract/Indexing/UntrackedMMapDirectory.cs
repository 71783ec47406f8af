using System.Reflection;
using Lucene.Net.Store;

namespace PlanExtract.Indexing;

/// <summary>
/// Lucene's memory-mapped directory with its clone tracking switched off: what searches read through.
/// </summary>
/// <remarks>
/// <para>
/// Lucene.Net keeps every clone of a mapped file (each term lookup, postings list and stored-fields
/// read makes one, dozens per query) in a ConditionalWeakTable, so closing the file can mark them
/// closed: Java's guard against reading unmapped memory. Each entry is a dependent handle that every
/// garbage collection must trace. Collections were a third of a search's CPU, and without the table
/// a search costs 30% less thread CPU (75% less under a filter; docs/SEARCH.md, "Fourth round").
/// </para>
/// <para>
/// Without it, a clone read after its file closed meets the disposed view and throws
/// ObjectDisposedException instead of AlreadyClosedException; nothing reads an index after its
/// searcher is disposed. The table is a private field that Lucene.Net 4.8 sets in one constructor
/// only (the directory cannot be subclassed to pass <c>trackClones: false</c>); if a later version
/// renames it, the directory tracks clones as before, and <c>UntrackedMMapDirectoryTests</c> fails
/// so the change is seen.
/// </para>
/// </remarks>
internal sealed class UntrackedMMapDirectory(string path) : MMapDirectory(new DirectoryInfo(path))
{
    internal static readonly FieldInfo? Clones = typeof(ByteBufferIndexInput).GetField("clones", BindingFlags.NonPublic | BindingFlags.Instance);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);

        // Clones copy the field, so clearing it on the file's own input clears it for all of them.
        Clones?.SetValue(input, null);
        return input;
    }
}
