using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MentorFlow.Reports;

/// <summary>
/// Creates output files as new files rather than truncating: .NET's <see cref="FileMode.Create"/> truncates even a file it
/// has just created, and ext4 then writes the file back to disk as it is closed (its replace-by-truncate safeguard), a
/// disk write per file that thousands of small outputs wait on. A file already there is still replaced.
/// </summary>
internal static class FreshFile
{
    /// <summary>A stream writing <paramref name="path"/> from empty, as <see cref="File.Create(string)"/> opens it.</summary>
    public static FileStream Create(string path) => new(Open(path, FileAccess.ReadWrite, FileShare.None), FileAccess.ReadWrite, 4096);

    /// <summary>Writes <paramref name="bytes"/> as the whole of <paramref name="path"/>, as <see cref="File.WriteAllBytes(string, byte[])"/> does.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = Open(path, FileAccess.Write, FileShare.Read);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte order mark, as <see cref="File.WriteAllText(string, string)"/> does.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    private static SafeFileHandle Open(string path, FileAccess access, FileShare share)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, access, share);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Left over from an earlier run: replaced, as before.
            return File.OpenHandle(path, FileMode.Create, access, share);
        }
    }
}
