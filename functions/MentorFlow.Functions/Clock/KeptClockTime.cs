using System.Globalization;

namespace MentorFlow.Functions.Clock;

/// <summary>
/// Where a virtual clock's time is kept in the data folder (<c>virtual-clock.txt</c>, one UTC time), so a demo restarted
/// goes on from where it was instead of jumping back to its configured start.
/// </summary>
public static class KeptClockTime
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "virtual-clock.txt";

    /// <summary>The time kept in <paramref name="dataFolder"/>, or null before the clock first moved.</summary>
    public static DateTimeOffset? Read(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : throw new InvalidOperationException($"{path} holds '{text}', not the virtual clock's time; put the time back (like 2026-09-01T08:00:00.0000000+00:00) or delete the file to start at {ProgramClock.StartSetting}.");
    }

    /// <summary>Keeps <paramref name="at"/> in <paramref name="dataFolder"/>: written beside and moved over the old file, so a crash leaves one or the other whole.</summary>
    public static void Write(string dataFolder, DateTimeOffset at)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        var next = path + ".next";
        using (var file = new FileStream(next, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            writer.Flush();
            file.Flush(flushToDisk: true);
        }

        File.Move(next, path, overwrite: true);
    }
}
