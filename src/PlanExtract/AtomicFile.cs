namespace PlanExtract;

/// <summary>Writes a file through a temporary beside it, moved into place: a write that fails leaves the old file, never half a new one.</summary>
public static class AtomicFile
{
    /// <param name="write">Writes the content; the stream reads too (the Office packages read back what they wrote).</param>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var to = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(to);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
