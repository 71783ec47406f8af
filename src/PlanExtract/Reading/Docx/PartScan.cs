using System.IO.Compression;
using System.Xml;

namespace PlanExtract.Reading.Docx;

/// <summary>
/// Streams every XML part of the package once before the Word object model loads any of it,
/// counting inflated bytes, nesting depth and paragraphs as it goes: a 2 MB zip bomb inflating
/// to 2.2 GB in one w:t, or 20,000 nested w:sdt, stop here after reading at most the limit.
/// </summary>
internal static class PartScan
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static void Check(byte[] package, ReadLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > limits.MaxParts)
        {
            throw new ReadLimitException(ReadLimits.Exceeded(FormattableString.Invariant($"the package has {zip.Entries.Count:N0} parts"), limits.MaxParts, "parts per package"));
        }

        var paragraphs = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = new BoundedStream(entry.Open(), limits.MaxPartBytes, entry.FullName);
            paragraphs += Scan(stream, limits, paragraphs);
        }
    }

    /// <summary>Reads one part as XML; a part that is not XML (an image, a font) stops at its first byte.</summary>
    private static int Scan(Stream stream, ReadLimits limits, int paragraphsBefore)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        var paragraphs = 0;
        try
        {
            using var xml = XmlReader.Create(stream, settings);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.Depth >= limits.MaxXmlDepth)
                {
                    throw new ReadLimitException(ReadLimits.Exceeded("XML nested too deep", limits.MaxXmlDepth, "levels of XML nesting"));
                }

                if (xml.LocalName == "p" && xml.NamespaceURI == WordNamespace && paragraphsBefore + ++paragraphs > limits.MaxParagraphs)
                {
                    throw new ReadLimitException(ReadLimits.Exceeded("too many paragraphs", limits.MaxParagraphs, "paragraphs or lines"));
                }
            }
        }
        catch (XmlException)
        {
            // Not XML, or broken XML: the object model reports it if it is a part it reads,
            // and reading it stops at the same place this scan did.
        }

        return paragraphs;
    }
}

/// <summary>Counts the bytes an inflating stream gives and stops at the limit.</summary>
internal sealed class BoundedStream(Stream inner, long limit, string part) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        _read += read;
        if (_read > limit)
        {
            throw new ReadLimitException(ReadLimits.Exceeded($"{part} inflates past the limit", limit, "bytes per inflated part"));
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
