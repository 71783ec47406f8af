using System.Runtime.InteropServices;
using System.Text;

namespace PlanExtract.Indexing;

/// <summary>
/// Gives a new index generation the live one's files without copying them: Lucene writes every
/// file once and deletes rather than rewrites, so a hard link shared by two generations is never
/// changed under the other. Where links are not possible (Windows, another file system) it copies.
/// </summary>
internal static class HardLinks
{
    public static void LinkOrCopy(string source, string target)
    {
        if (!OperatingSystem.IsWindows() && TryLink(source, target))
        {
            return;
        }

        File.Copy(source, target);
    }

    private static bool TryLink(string source, string target)
    {
        try
        {
            return link(Encoding.UTF8.GetBytes(source + "\0"), Encoding.UTF8.GetBytes(target + "\0")) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

#pragma warning disable SYSLIB1054 // byte[] arguments are blittable: no marshalling code, so no unsafe blocks for LibraryImport.
    [DllImport("libc", SetLastError = true)]
    private static extern int link(byte[] existing, byte[] created);
#pragma warning restore SYSLIB1054
}
