namespace MentorFlow.Functions.Health;

/// <summary>How long a background loop waits before its next run: its period after a run that worked, twice the last wait after one that failed (at most ten minutes, or the period when that is longer), so a full disk is not hammered.</summary>
public static class BackOff
{
    /// <summary>The longest wait after failures, unless the loop's own period is longer.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    /// <summary>The wait before the next run, after a run that <paramref name="worked"/> or not, following a wait of <paramref name="last"/>.</summary>
    public static TimeSpan Next(bool worked, TimeSpan last, TimeSpan period) =>
        worked ? period : TimeSpan.FromTicks(Math.Min(Math.Max(last.Ticks, period.Ticks) * 2, Math.Max(Longest.Ticks, period.Ticks)));
}
