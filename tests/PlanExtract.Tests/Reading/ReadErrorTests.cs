using System.IO.Compression;
using PlanExtract.Reading;

namespace PlanExtract.Tests.Reading;

/// <summary>Unreadable input is a <see cref="DocumentReadException"/> that says why, never a library's own exception.</summary>
public sealed class ReadErrorTests
{
    [Fact]
    public void A_legacy_doc_is_named_as_such()
    {
        byte[] doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        var error = Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("plan.docx", doc));
        Assert.Contains("legacy Word 97-2003 .doc", error.Reason, StringComparison.Ordinal);
        Assert.Equal("plan.docx", error.Path);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("not a plan");
        }

        var error = Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("plan.docx", stream.ToArray()));
        Assert.Contains("Word document", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_and_empty_files_are_not_docx()
    {
        var bytes = new byte[4096];
        new Random(11).NextBytes(bytes);
        bytes[0] = (byte)'x';
        Assert.Contains("not a .docx", Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("a.docx", bytes)).Reason, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("a.docx", [])).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_header_with_garbage_behind_it_is_refused()
    {
        var bytes = new byte[4096];
        new Random(5).NextBytes(bytes);
        bytes[0] = (byte)'P';
        bytes[1] = (byte)'K';
        Assert.Throws<DocumentReadException>(() => DocxReader.ReadBytes("a.docx", bytes));
    }

    [Fact]
    public void The_default_readers_report_a_docx_error_with_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"planextract-{Guid.NewGuid():N}.docx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0]);
        try
        {
            var error = Assert.Throws<DocumentReadException>(() => DocumentReaders.Default.Read(path));
            Assert.Equal(path, error.Path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
