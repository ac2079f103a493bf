using MentorFlow.Core.Simulation;

namespace MentorFlow.Functions.Clock;

/// <summary>
/// The app's clock: the system clock, or for demos and tests a virtual one (<c>MentorFlow:Clock:Start</c>) that staff
/// move forward with <c>POST /api/clock/advance</c> (<see cref="ClockFunctions"/>).
/// </summary>
public static class ProgramClock
{
    /// <summary>The setting that starts the app on a virtual clock at the given UTC time.</summary>
    public const string StartSetting = "MentorFlow:Clock:Start";

    /// <summary>The most a virtual clock moves in one request: 400 days, in days and hours together.</summary>
    public const int MaxHoursPerMove = 400 * 24;

    /// <summary>
    /// The system clock, or a virtual clock when <see cref="StartSetting"/> is set: it starts at the time it was last moved
    /// to (kept in <paramref name="dataFolder"/>), or at the configured start on the first run or when that is later, and
    /// keeps every move there, so a restart never takes it back.
    /// </summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        var start = configuration[StartSetting];
        if (string.IsNullOrWhiteSpace(start))
        {
            return TimeProvider.System;
        }

        if (!DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var configured))
        {
            throw new InvalidOperationException($"{StartSetting} is '{start}', not a date and time; write it like 2026-09-01T08:00:00Z.");
        }

        var kept = KeptClockTime.Read(dataFolder);
        var at = kept is { } k && k > configured ? k : configured.ToUniversalTime();
        return new VirtualClock(at, moved => KeptClockTime.Write(dataFolder, moved));
    }
}

/// <summary>The app's time, and whether it is virtual.</summary>
/// <param name="Now">Now, by the app's clock.</param>
/// <param name="Virtual">True on a demo's virtual clock.</param>
public sealed record ClockView(DateTimeOffset Now, bool Virtual);

/// <summary>How far to move a virtual clock.</summary>
/// <param name="Days">Days forward.</param>
/// <param name="Hours">Hours forward.</param>
public sealed record ClockAdvance(int Days = 0, int Hours = 0);
