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

    // Why a native call at all: .NET 10 has no public file type. FileInfo.Attributes is Normal
    // for a pipe, /dev/zero and a socket alike, File.GetUnixFileMode holds the permission bits
    // only, and File.OpenHandle on a named pipe blocks until a writer comes (FileOptions.Asynchronous
    // too), so opening to look is the hang this check exists to avoid (dotnet/runtime#85148, an
    // open proposal for UnixFileType). statx(2) is Linux's public system call, its struct the same
    // on every architecture (stx_mode at byte 28), unlike stat(2)'s; not the runtime's internal
    // SystemNative_Stat, whose layout may change with any runtime. Elsewhere (macOS, a C library
    // without statx, a sandbox that refuses it), the caller falls back on the size.
    private const int FileTypeMask = 0xF000;
    private const int FileTypeFifo = 0x1000;
    private const int FileTypeCharDevice = 0x2000;
    private const int FileTypeBlockDevice = 0x6000;
    private const int FileTypeRegular = 0x8000;
    private const int FileTypeSocket = 0xC000;

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;

    private static int? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var status = new byte[StatxSize];
            return Statx(AtCurrentDirectory, path, 0, StatxType, status) == 0 && (BitConverter.ToUInt32(status, 0) & StatxType) != 0
                ? BitConverter.ToUInt16(status, StatxModeOffset) & FileTypeMask
                : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // DllImport, not LibraryImport: the generated marshaller would need unsafe code for one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "statx", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] status);
#pragma warning restore SYSLIB1054
}
