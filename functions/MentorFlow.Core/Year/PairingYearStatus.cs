using MentorFlow.Core.Figures;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Observations;

namespace MentorFlow.Core.Year;

/// <summary>
/// The orchestration's custom status: the stage, what it waits for and since when, and the figures a
/// coordinator scans. No private notes.
/// </summary>
/// <param name="Stage">The stage.</param>
/// <param name="StageSince">When the stage began (UTC).</param>
/// <param name="WaitingFor">What the stage waits for, when it waits on someone.</param>
/// <param name="WaitingOn">Who has to act.</param>
/// <param name="WaitingSince">Since when it waits (UTC).</param>
/// <param name="DueAt">When it is due (UTC).</param>
/// <param name="Flags">overdue, at-risk, no-meetings, separated, mail-failing.</param>
/// <param name="Pace">Confirmed hours outside the contract day against pace.</param>
/// <param name="Frequency">Meeting frequency so far.</param>
/// <param name="LastMeeting">The last logged meeting.</param>
/// <param name="WeeksWithoutMeeting">Whole weeks since it.</param>
/// <param name="ObservationsByType">Observation cycles by type.</param>
/// <param name="EndsOn">The pairing's last day.</param>
/// <param name="MailFailingSince">Since when the year's email cannot be sent (UTC), while it cannot; the flags then say mail-failing.</param>
/// <param name="UnsentMessages">Messages waiting for the mail server to take them.</param>
/// <param name="StageClosesAt">
/// When the clock closes the stage whatever anyone does (UTC): the year's end closes every stage before sign-off. A form of
/// the stage is closed from then on, even before the year has taken that moment in.
/// </param>
/// <param name="ClosableFrom">
/// From when the coordinator may close the year as incomplete because the pair never signed its action plan (UTC): the plan's
/// due date, while the year waits at kickoff under rules edition 1 or later; otherwise null.
/// </param>
public sealed record PairingYearStatus(
    PairingStage Stage,
    DateTime StageSince,
    string? WaitingFor,
    IReadOnlyList<RecipientRole> WaitingOn,
    DateTime? WaitingSince,
    DateTime? DueAt,
    IReadOnlyList<string> Flags,
    PaceFigure Pace,
    MeetingFrequency Frequency,
    DateOnly? LastMeeting,
    int WeeksWithoutMeeting,
    IReadOnlyDictionary<ObservationType, int> ObservationsByType,
    DateOnly EndsOn,
    DateTime? MailFailingSince = null,
    int UnsentMessages = 0,
    DateTime? StageClosesAt = null,
    DateTime? ClosableFrom = null);
