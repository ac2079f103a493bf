using MentorFlow.Core.Figures;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Coordinator;

/// <summary>One pairing as the coordinator scans it: who, where its year stands, its hours against pace, its meetings and flags. No notes.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="DistrictId">The district.</param>
/// <param name="School">The mentee's school.</param>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="Mentee">The mentee's name.</param>
/// <param name="Stage">The stage (or NotStarted before the first day).</param>
/// <param name="DaysInStage">Whole days in the stage.</param>
/// <param name="WaitingFor">What the stage waits for.</param>
/// <param name="ConfirmedHours">Confirmed hours outside the contract day.</param>
/// <param name="ExpectedHours">Hours pace expects by today.</param>
/// <param name="RequiredHours">Hours the year requires.</param>
/// <param name="Frequency">Meeting frequency so far.</param>
/// <param name="LastMeeting">The last logged meeting.</param>
/// <param name="WeeksWithoutMeeting">Whole weeks since the last meeting (or since the year started), today.</param>
/// <param name="MentorObservesMentee">Observation cycles of this type.</param>
/// <param name="MenteeObservesMentor">Observation cycles of this type.</param>
/// <param name="JointObservations">Joint observations of another educator.</param>
/// <param name="Flags">overdue, at-risk, behind-pace, no-meetings, separated, mail-failing.</param>
public sealed record CoordinatorRow(
    string PairingId,
    string DistrictId,
    string School,
    string Mentor,
    string Mentee,
    string Stage,
    int DaysInStage,
    string? WaitingFor,
    decimal ConfirmedHours,
    decimal ExpectedHours,
    decimal RequiredHours,
    MeetingFrequency? Frequency,
    DateOnly? LastMeeting,
    int WeeksWithoutMeeting,
    int MentorObservesMentee,
    int MenteeObservesMentor,
    int JointObservations,
    IReadOnlyList<string> Flags)
{
    /// <summary>The flags a coordinator filters by.</summary>
    public static readonly IReadOnlyList<string> AllFlags = ["overdue", "at-risk", "behind-pace", "no-meetings", "separated", "mail-failing"];

    /// <summary>True when the stage is one of the year's (not before its start).</summary>
    public bool Started => Stage != nameof(NotStarted);

    /// <summary>The stage name shown before a pairing's first day.</summary>
    public const string NotStarted = nameof(NotStarted);

    /// <summary>The row for a pairing whose year reports <paramref name="status"/> today.</summary>
    internal static IReadOnlyList<string> FlagsOf(PairingYearStatus status, DateTime now, int weeksWithoutMeeting, int nudgeAfterWeeks)
    {
        var flags = new List<string>();
        if (status.DueAt is { } due && now > due && status.Stage != PairingStage.Finished)
        {
            flags.Add("overdue");
        }

        if (status.Flags.Contains("at-risk"))
        {
            flags.Add("at-risk");
        }

        if (status.Stage is > PairingStage.Kickoff and < PairingStage.SignOff && !status.Pace.OnPace)
        {
            flags.Add("behind-pace");
        }

        // Worked out from the last meeting and today: the status is a snapshot of the year's last step.
        if (status.Stage is > PairingStage.Kickoff and < PairingStage.SignOff && weeksWithoutMeeting >= nudgeAfterWeeks)
        {
            flags.Add("no-meetings");
        }

        if (status.Flags.Contains("separated"))
        {
            flags.Add("separated");
        }

        // The year's email could not be sent; it is retried, and this says the pair may not have their links.
        if (status.Flags.Contains("mail-failing"))
        {
            flags.Add("mail-failing");
        }

        return flags;
    }
}
