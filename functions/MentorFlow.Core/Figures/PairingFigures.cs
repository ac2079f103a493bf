using System.Runtime.InteropServices;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Observations;

namespace MentorFlow.Core.Figures;

/// <summary>
/// The figures a pairing is judged by, each computed here and only here, from logs without notes.
/// Coordinator pages, the orchestration and the reports all call these.
/// </summary>
public static class PairingFigures
{
    /// <summary>Hours the mentee confirmed, in or outside the contract day.</summary>
    public static decimal ConfirmedHours(IEnumerable<LoggedInteraction> logs) =>
        Hours(logs, DateOnly.MaxValue, TimeConfirmation.Confirmed, outsideOnly: false);

    /// <summary>Confirmed hours outside the contract day: what counts toward the requirement.</summary>
    public static decimal HoursOutsideContractDay(IEnumerable<LoggedInteraction> logs) =>
        Hours(logs, DateOnly.MaxValue, TimeConfirmation.Confirmed, outsideOnly: true);

    /// <summary>Logged hours outside the contract day still waiting for the mentee's confirmation.</summary>
    public static decimal PendingHoursOutsideContractDay(IEnumerable<LoggedInteraction> logs) =>
        Hours(logs, DateOnly.MaxValue, TimeConfirmation.Pending, outsideOnly: true);

    /// <summary>
    /// Confirmed hours outside the contract day by <paramref name="onDate"/> against an even pace from
    /// <paramref name="start"/> to <paramref name="end"/> towards <paramref name="requiredHours"/>.
    /// </summary>
    public static PaceFigure Pace(IEnumerable<LoggedInteraction> logs, decimal requiredHours, DateOnly start, DateOnly end, DateOnly onDate)
    {
        var totalDays = Math.Max(1, end.DayNumber - start.DayNumber);
        var elapsed = Math.Clamp(onDate.DayNumber - start.DayNumber, 0, totalDays);
        var expected = Math.Round(requiredHours * elapsed / totalDays, 2);
        return new PaceFigure(Hours(logs, onDate, TimeConfirmation.Confirmed, outsideOnly: true), expected, requiredHours);
    }

    /// <summary>
    /// How often the pair met between <paramref name="start"/> and <paramref name="onDate"/>: days with a
    /// logged interaction per week, grouped as weekly (at least 0.75 a week), every two weeks (0.375),
    /// monthly (0.2) or less.
    /// </summary>
    public static MeetingFrequency Frequency(IEnumerable<LoggedInteraction> logs, DateOnly start, DateOnly onDate)
    {
        var perWeek = DaysMet(logs, start, onDate) / Math.Max(1m, (onDate.DayNumber - start.DayNumber + 1) / 7m);
        return perWeek switch
        {
            >= 0.75m => MeetingFrequency.Weekly,
            >= 0.375m => MeetingFrequency.EveryTwoWeeks,
            >= 0.2m => MeetingFrequency.Monthly,
            _ => MeetingFrequency.Less,
        };
    }

    /// <summary>Whole weeks since the last logged interaction (or since <paramref name="since"/> when none), on <paramref name="onDate"/>.</summary>
    public static int WeeksWithoutMeeting(IEnumerable<LoggedInteraction> logs, DateOnly since, DateOnly onDate)
    {
        var last = LastMeeting(logs, onDate) ?? since;
        var from = last > since ? last : since;
        return Math.Max(0, (onDate.DayNumber - from.DayNumber) / 7);
    }

    /// <summary>The last day with a logged interaction on or before <paramref name="onDate"/>.</summary>
    public static DateOnly? LastMeeting(IEnumerable<LoggedInteraction> logs, DateOnly onDate)
    {
        ArgumentNullException.ThrowIfNull(logs);
        DateOnly? last = null;
        foreach (var log in Span(logs))
        {
            if (log.Date <= onDate && (last is null || log.Date > last))
            {
                last = log.Date;
            }
        }

        return last;
    }

    /// <summary>Observation cycles by type (every type present, zero when none).</summary>
    public static IReadOnlyDictionary<ObservationType, int> ObservationsByType(IEnumerable<ObservationCycle> cycles)
    {
        var counts = Enum.GetValues<ObservationType>().ToDictionary(type => type, _ => 0);
        foreach (var cycle in cycles)
        {
            counts[cycle.Type]++;
        }

        return counts;
    }

    /// <summary>Substitute hours the cycles used.</summary>
    public static decimal SubstituteHoursUsed(IEnumerable<ObservationCycle> cycles) => cycles.Sum(c => c.SubstituteHours);

    // The logs as a span: a list or an array is read in place, without an enumerator object per figure.
    private static ReadOnlySpan<LoggedInteraction> Span(IEnumerable<LoggedInteraction> logs) => logs switch
    {
        List<LoggedInteraction> list => CollectionsMarshal.AsSpan(list),
        LoggedInteraction[] array => array,
        _ => logs.ToArray(),
    };

    // Loops, not LINQ: the orchestration recomputes these at every wake-up of every pairing.
    private static decimal Hours(IEnumerable<LoggedInteraction> logs, DateOnly onDate, TimeConfirmation confirmation, bool outsideOnly)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var minutes = 0L;
        foreach (var log in Span(logs))
        {
            if (log.Confirmation == confirmation && log.Date <= onDate && (log.OutsideContractDay || !outsideOnly))
            {
                minutes += log.Minutes;
            }
        }

        return Math.Round(minutes / 60m, 2);
    }

    // Distinct days with a log in [start, onDate], counted over the sorted day numbers.
    private static int DaysMet(IEnumerable<LoggedInteraction> logs, DateOnly start, DateOnly onDate)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var all = Span(logs);
        var days = all.Length <= 512 ? stackalloc int[all.Length] : new int[all.Length];
        var count = 0;
        foreach (var log in all)
        {
            if (log.Date >= start && log.Date <= onDate)
            {
                days[count++] = log.Date.DayNumber;
            }
        }

        days = days[..count];
        days.Sort();
        var distinct = 0;
        for (var i = 0; i < days.Length; i++)
        {
            if (i == 0 || days[i] != days[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }
}
