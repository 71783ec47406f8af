using System.IO.Packaging;
using DocumentFormat.OpenXml;

namespace PlanExtract.Reporting;

/// <summary>
/// An Office package written one part after another straight into its zip, each part's XML by
/// <see cref="OpenXmlWriter"/> as it is made. <c>SpreadsheetDocument.Create</c> and
/// <c>WordprocessingDocument.Create</c> open their package for reading and writing, and
/// System.IO.Packaging then keeps every part uncompressed in memory until the package closes
/// (a sheet of 4 million small cells: 571 MB against 96 MB written this way); a package opened
/// for writing only streams, but the SDK's document classes cannot work on one.
/// </summary>
internal sealed class StreamedPackage : IDisposable
{
    public const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    public const string Styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

    public const string Worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

    public const string Hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// <summary>The namespace of <c>r:id</c>, declared once on a part's root rather than on every link.</summary>
    public const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly Package _package;

    public StreamedPackage(Stream stream) => _package = Package.Open(stream, FileMode.Create, FileAccess.Write);

    /// <summary>
    /// Creates the part <paramref name="name"/> and writes its XML; a write-only zip takes one part
    /// at a time, so a part is created only when it is written, whole. Relationships from the part
    /// may be added while it is written: they are kept and written when the package closes.
    /// </summary>
    public PackagePart Write(string name, string contentType, Action<PackagePart, OpenXmlWriter> write)
    {
        var part = _package.CreatePart(new Uri(name, UriKind.Relative), contentType, CompressionOption.Normal);
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument();
        write(part, writer);
        return part;
    }

    /// <summary>The package's relationship to its main part (the workbook, the document).</summary>
    public void RelateMain(PackagePart main) =>
        _package.CreateRelationship(main.Uri, TargetMode.Internal, OfficeDocument, "rId1");

    /// <summary>A relationship from <paramref name="from"/> to another part of the package, by its path relative to <paramref name="from"/>'s folder.</summary>
    public static void Relate(PackagePart from, PackagePart to, string type, string id) =>
        from.CreateRelationship(PackUriHelper.GetRelativeUri(from.Uri, to.Uri), TargetMode.Internal, type, id);

    /// <summary>A link from <paramref name="from"/> to a file or web address outside the package.</summary>
    public static void Link(PackagePart from, string target, string id) =>
        from.CreateRelationship(new Uri(target, UriKind.RelativeOrAbsolute), TargetMode.External, Hyperlink, id);

    /// <summary>The root's start tag with the <c>r:</c> prefix declared on it.</summary>
    public static void WriteRoot(OpenXmlWriter writer, OpenXmlElement root) =>
        writer.WriteStartElement(root, [], [new("r", RelationshipsNamespace)]);

    public void Dispose() => _package.Close();
}
