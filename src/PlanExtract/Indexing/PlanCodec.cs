using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace PlanExtract.Indexing;

/// <summary>
/// Lucene 4.6's codec with the stored fields compressed in 4 KB chunks instead of 16 KB.
/// </summary>
/// <remarks>
/// Showing a hit reads its stored fields, and Lucene decompresses the hit's chunk from its start up
/// to the hit: half a chunk on average, for each of the ten hits of a page. That was half of a
/// search's CPU on the corpus. With 4 KB chunks a search costs 30% less thread CPU (p50 −38%;
/// docs/SEARCH.md, "Fourth round"), for a slightly larger stored-fields file.
/// </remarks>
[CodecName(CodecName)]
public sealed class PlanCodec : FilterCodec
{
    public const string CodecName = "PlanExtract48";

    internal const int StoredChunkBytes = 4 * 1024;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        // Lucene's documented way to make a custom codec known to readers, which find a segment's
        // codec by the name the segment records; the built-in codecs stay registered beside it.
        Codec.SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(PlanCodec)] });
        return true;
    });

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("PlanExtractStoredFields", CompressionMode.FAST, StoredChunkBytes);

    public PlanCodec()
        : base(new Lucene46Codec())
    {
    }

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>Makes the codec known to index readers; idempotent.</summary>
    internal static void Register() => _ = Registered.Value;
}
