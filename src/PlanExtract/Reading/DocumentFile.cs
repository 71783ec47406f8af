
namespace PlanExtract.Reading;

/// <summary>File access that turns I/O failures into the project's error, naming the file.</summary>
public static class DocumentFile
{
    /// <summary>The whole file, which must be a regular file of at most <see cref="ReadLimits.MaxDocumentBytes"/>.</summary>
    public static byte[] ReadAllBytes(string path) => ReadAllBytes(path, ReadLimits.Default);

    public static byte[] ReadAllBytes(string path, ReadLimits limits)
    {
        try
        {
            RegularFile.Check(path);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var declared = stream.Length;
            if (declared > limits.MaxDocumentBytes)
            {
                throw new DocumentReadException(path, ReadLimits.Exceeded(FormattableString.Invariant($"the file has {declared:N0} bytes"), limits.MaxDocumentBytes, "bytes per document"));
            }

            // The length is what the file system says; the read itself stops at the limit too,
            // for a file that grows while it is read.
            var buffer = new byte[declared];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (stream.ReadByte() is var extra && extra < 0)
                    {
                        return buffer;
                    }

                    throw new DocumentReadException(path, ReadLimits.Exceeded("the file grew while it was read", limits.MaxDocumentBytes, "bytes per document"));
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    return buffer[..total];
                }

                total += read;
            }
        }
        catch (FileNotFoundException)
        {
            throw new DocumentReadException(path, "no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new DocumentReadException(path, "no such file");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DocumentReadException(path, Directory.Exists(path) ? "is a directory, not a file" : "permission denied", e);
        }
        catch (IOException e)
        {
            throw new DocumentReadException(path, e.Message, e);
        }
    }
}
