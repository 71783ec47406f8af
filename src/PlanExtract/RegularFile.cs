using System.Runtime.InteropServices;

namespace PlanExtract;

/// <summary>Only regular files are read: shared by the readers, the catalog and the corpus metadata.</summary>
public static partial class RegularFile
{
    /// <summary>
    /// Refuses what is not a regular file before opening it: opening a named pipe waits for a
    /// writer forever, and /dev/zero (or a link to it) never ends.
    /// </summary>
    public static void Check(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DocumentReadException(path, "is a directory, not a file");
        }

        if (!File.Exists(path))
        {
            throw new DocumentReadException(path, "no such file");
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (FileType(path) is not { } type)
        {
            // Without the file type, pipes and devices still show as empty: better refused as
            // empty than opened and waited on.
            if (new FileInfo(File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path).Length == 0)
            {
                throw new DocumentReadException(path, "the file is empty (or not a regular file)");
            }

            return;
        }

        var kind = type switch
        {
            FileTypeRegular => null,
            FileTypeFifo => "a named pipe",
            FileTypeCharDevice => "a character device",
            FileTypeBlockDevice => "a block device",
            FileTypeSocket => "a socket",
            _ => "a special file",
        };
        if (kind is not null)
        {
            throw new DocumentReadException(path, $"not a regular file ({kind}): only regular files are read");
        }
    }

    // The runtime's own portable stat (System.Native, shipped with every .NET on Unix): its mode
    // bits are the same on every platform, unlike the C library's struct stat. The base library
    // offers no file type beyond directory or not; when the shim is missing, the caller reads on.
    private const int FileTypeMask = 0xF000;
    private const int FileTypeFifo = 0x1000;
    private const int FileTypeCharDevice = 0x2000;
    private const int FileTypeBlockDevice = 0x6000;
    private const int FileTypeRegular = 0x8000;
    private const int FileTypeSocket = 0xC000;

    private static int? FileType(string path)
    {
        try
        {
            // FileStatus starts with Flags and Mode (two int32); the rest is room for the fields after them.
            var status = new byte[256];
            return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) & FileTypeMask : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // DllImport, not LibraryImport: the generated marshaller would need unsafe code for one call.
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
#pragma warning restore SYSLIB1054
}
