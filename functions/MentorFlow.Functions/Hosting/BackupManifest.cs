using System.Security.Cryptography;
using System.Text.Json;

namespace MentorFlow.Functions.Hosting;

/// <summary>One file of a backup: its path inside the backup folder, its size and its SHA-256 (hex).</summary>
/// <param name="Path">The path relative to the backup folder, with '/' between folders.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record BackupFile(string Path, long Bytes, string Sha256)
{
    /// <summary>The entry for the file at <paramref name="fullPath"/>, named <paramref name="path"/> in the backup.</summary>
    public static BackupFile Of(string fullPath, string path)
    {
        using var stream = File.OpenRead(fullPath);
        return new BackupFile(path, stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>
/// <c>backup.json</c>, written last into a backup folder: when it was taken and every file with its size and hash, so a
/// restore refuses a backup that was cut short or changed since.
/// </summary>
/// <param name="TakenAt">When the backup was taken (UTC, wall clock).</param>
/// <param name="Files">Every file of the backup.</param>
public sealed record BackupManifest(DateTimeOffset TakenAt, IReadOnlyList<BackupFile> Files)
{
    /// <summary>The manifest's file name in the backup folder.</summary>
    public const string FileName = "backup.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the manifest into <paramref name="folder"/>.</summary>
    public void Write(string folder) => File.WriteAllText(System.IO.Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>The manifest in <paramref name="folder"/>, or null when there is none (or it cannot be read).</summary>
    public static BackupManifest? Read(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
