using MentorFlow.Functions.Api;
using MentorFlow.Functions.Hosting;

namespace MentorFlow.Functions.Staff;

/// <summary>
/// <c>staff-keys</c>: shows the staff keys of the data folder, or with <c>--rotate Hr|Coordinator|Analyst</c> gives that role
/// a new key and prints it. A running app reads the file again and refuses the old key at once. Keys set in configuration
/// are shown but not rotated here: they are changed where they are set.
/// </summary>
public static class StaffKeysCommand
{
    private const string Usage = "usage: dotnet run --project functions/MentorFlow.Server -- staff-keys [--rotate Hr|Coordinator|Analyst] [--MentorFlow:Folders:Root <folder>]";

    /// <summary>Runs the command; returns the exit code (2 for a bad argument or a key that cannot be rotated, with what to do).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        StaffRole? rotate = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--rotate" when TypedText.Named<StaffRole>(value, ignoreCase: true) is { } role:
                    rotate = role;
                    i++;
                    break;
                case var setting when setting.StartsWith("--MentorFlow:", StringComparison.Ordinal) && value is not null:
                    settings.AddRange([setting, value]);
                    i++;
                    break;
                default:
                    await errors.WriteLineAsync($"staff-keys: '{args[i]}' {(value is null ? "needs a value" : $"does not take '{value}'")}; rotate one of Hr, Coordinator, Analyst.\n{Usage}");
                    return 2;
            }
        }

        // The same settings the app reads (appsettings.json beside it, environment, command line), so the same data folder.
        var configuration = CommandFolders.Configuration([.. settings]);
        var folders = CommandFolders.From(configuration);
        Directory.CreateDirectory(folders.Data);
        var keys = StaffKeys.Load(configuration, folders.Data);
        if (rotate is { } rotated)
        {
            if (keys.Configured)
            {
                await errors.WriteLineAsync($"staff-keys: the keys come from configuration ({StaffKeys.Section}:*), not from the data folder; change {StaffKeys.Section}:{rotated} there and restart the app.");
                return 2;
            }

            var key = keys.Rotate(rotated);
            await output.WriteLineAsync($"New {rotated} key (the old one no longer works; kept in {Path.Combine(folders.Data, StaffKeys.FileName)}):");
            await output.WriteLineAsync($"  {rotated,-12} {key}");
            return 0;
        }

        await output.WriteLineAsync(keys.Configured
            ? $"Staff keys (from configuration, {StaffKeys.Section}:*); send one in the {StaffKeys.Header} header:"
            : $"Staff keys (kept in {Path.Combine(folders.Data, StaffKeys.FileName)}); send one in the {StaffKeys.Header} header:");
        foreach (var (role, key) in keys.Keys)
        {
            await output.WriteLineAsync($"  {role,-12} {key}");
        }

        return 0;
    }
}
