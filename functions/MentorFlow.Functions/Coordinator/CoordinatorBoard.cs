using System.Globalization;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Submissions;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Coordinator;

/// <summary>What the coordinator's table is filtered and sorted by.</summary>
/// <param name="School">Only this school.</param>
/// <param name="Stage">Only this stage.</param>
/// <param name="Flag">Only pairings with this flag.</param>
/// <param name="Sort">The column to sort by.</param>
/// <param name="Descending">Largest first.</param>
public sealed record BoardQuery(string? School = null, string? Stage = null, string? Flag = null, string? Sort = null, bool Descending = false);

/// <summary>The coordinator's view of every pairing: the rows, and meetings per week across the district.</summary>
/// <param name="Rows">The pairings, filtered and sorted.</param>
/// <param name="Schools">Every school, for the filter.</param>
/// <param name="MeetingsPerWeek">Logged meetings per week (Monday), across every pairing (not only the filtered ones).</param>
public sealed record Board(IReadOnlyList<CoordinatorRow> Rows, IReadOnlyList<string> Schools, IReadOnlyList<(DateOnly Week, int Meetings)> MeetingsPerWeek)
{
    /// <summary>Every pairing, whatever the filter: what the tiles count.</summary>
    public IReadOnlyList<CoordinatorRow> All { get; init; } = Rows;

    /// <summary>How many pairings carry each flag, every flag listed (zero too), in the filter's order.</summary>
    public IReadOnlyList<(string Flag, int Count)> FlagCounts =>
        [.. CoordinatorRow.AllFlags.Select(f => (f, All.Count(r => r.Flags.Contains(f))))];

    /// <summary>How many pairings are in each stage that has any, in the year's order (not started first).</summary>
    public IReadOnlyList<(string Stage, int Count)> StageCounts =>
        [.. All.GroupBy(r => r.Stage).OrderBy(g => CoordinatorBoard.StageOrder(g.Key)).Select(g => (g.Key, g.Count()))];

    /// <summary>Pairings whose year is running and whose confirmed hours keep up with pace.</summary>
    public int OnPace => All.Count(r => r.Started && r.Stage != nameof(PairingStage.Finished) && !r.Flags.Contains("behind-pace") && !r.Flags.Contains("separated"));
}

/// <summary>Builds the coordinator's view from the records, each year's status and the logs (never their notes).</summary>
public sealed class CoordinatorBoard(IPairingRecords records, DistrictDirectory districts, ISubmissionStore submissions, DurableTaskClient engine, TimeProvider clock)
{
    /// <summary>The sort columns.</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["mentee", "school", "stage", "days", "hours", "pace", "last-meeting", "weeks"];

    /// <summary>The board for <paramref name="query"/>.</summary>
    public async Task<Board> BuildAsync(BoardQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var rows = new List<CoordinatorRow>();
        var weeks = new SortedDictionary<DateOnly, int>();
        foreach (var (districtId, _) in districts.All)
        {
            var settings = districts.Find(districtId)!;
            foreach (var record in await records.ListAsync(districtId, cancellationToken))
            {
                var status = (await engine.GetInstanceAsync(record.Pairing.PairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
                var interactions = (await submissions.ListAsync<CollaborationLog>(record.Pairing.PairingId, "log", cancellationToken)).Select(l => l.ToInteraction()).ToList();
                foreach (var log in interactions)
                {
                    var monday = log.Date.AddDays(-(((int)log.Date.DayOfWeek + 6) % 7));
                    weeks[monday] = weeks.GetValueOrDefault(monday) + 1;
                }

                rows.Add(Row(record, status, now, today, settings.NudgeAfterWeeks));
            }
        }

        var schools = rows.Select(r => r.School).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var filtered = rows
            .Where(r => string.IsNullOrEmpty(query.School) || r.School == query.School)
            .Where(r => string.IsNullOrEmpty(query.Stage) || r.Stage == query.Stage)
            .Where(r => string.IsNullOrEmpty(query.Flag) || r.Flags.Contains(query.Flag));
        return new Board(Sorted(filtered, query).ToList(), schools, [.. weeks.Select(w => (w.Key, w.Value))]) { All = rows };
    }

    private static CoordinatorRow Row(PairingRecord record, PairingYearStatus? status, DateTime now, DateOnly today, int nudgeAfterWeeks)
    {
        var pairing = record.Pairing;
        if (status is null)
        {
            return new CoordinatorRow(pairing.PairingId, pairing.DistrictId, pairing.School, record.Mentor.Name, record.Mentee.Name,
                CoordinatorRow.NotStarted, 0, null, 0, 0, 0, null, null, 0, 0, 0, 0, []);
        }

        var since = status.LastMeeting ?? pairing.StartsOn;
        var weeksWithout = status.Stage == PairingStage.Finished ? 0 : Math.Max(0, (today.DayNumber - since.DayNumber) / 7);
        var observations = status.ObservationsByType;
        return new CoordinatorRow(
            pairing.PairingId, pairing.DistrictId, pairing.School, record.Mentor.Name, record.Mentee.Name, status.Stage.ToString(),
            (int)(now - status.StageSince).TotalDays, status.WaitingFor,
            status.Pace.ConfirmedHours, status.Pace.ExpectedHours, status.Pace.RequiredHours, status.Frequency, status.LastMeeting, weeksWithout,
            observations.GetValueOrDefault(ObservationType.MentorObservesMentee), observations.GetValueOrDefault(ObservationType.MenteeObservesMentor),
            observations.GetValueOrDefault(ObservationType.JointObservation),
            CoordinatorRow.FlagsOf(status, now, weeksWithout, nudgeAfterWeeks));
    }

    private static IEnumerable<CoordinatorRow> Sorted(IEnumerable<CoordinatorRow> rows, BoardQuery query)
    {
        IOrderedEnumerable<CoordinatorRow> ordered = query.Sort switch
        {
            "school" => By(rows, r => r.School, query.Descending),
            "stage" => By(rows, r => StageOrder(r.Stage), query.Descending),
            "days" => By(rows, r => r.DaysInStage, query.Descending),
            "hours" => By(rows, r => r.ConfirmedHours, query.Descending),
            "pace" => By(rows, r => r.ExpectedHours <= 0 ? 1 : r.ConfirmedHours / r.ExpectedHours, query.Descending),
            "last-meeting" => By(rows, r => r.LastMeeting ?? DateOnly.MinValue, query.Descending),
            "weeks" => By(rows, r => r.WeeksWithoutMeeting, query.Descending),
            _ => By(rows, r => r.Mentee, query.Descending),
        };
        return ordered.ThenBy(r => r.PairingId, StringComparer.Ordinal);
    }

    private static IOrderedEnumerable<CoordinatorRow> By<TKey>(IEnumerable<CoordinatorRow> rows, Func<CoordinatorRow, TKey> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// <summary>Where a stage comes in the year: not started first, then the year's stages in order.</summary>
    public static int StageOrder(string stage) => Enum.TryParse<PairingStage>(stage, out var s) ? (int)s : -1;

    /// <summary>The hours as the table shows them, e.g. "6.5 of 8.2".</summary>
    public static string HoursAgainstPace(CoordinatorRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Create(CultureInfo.InvariantCulture, $"{row.ConfirmedHours:0.#} of {row.ExpectedHours:0.#}");
    }
}
