using System.Globalization;
using MentorFlow.Core.Messaging;

namespace MentorFlow.Core.Year;

/// <summary>The words of each program message; the app adds the greeting, the signed link and the HTML.</summary>
internal static class PairingYearMessages
{
    /// <summary>The kinds that ask someone to do a step by a date: they say the date.</summary>
    public static bool AsksByADate(ProgramMessageKind kind) => kind is ProgramMessageKind.ActionPlanInvite or ProgramMessageKind.ActionPlanReminder or ProgramMessageKind.PlanReadyToSign
        or ProgramMessageKind.ScheduleRequest or ProgramMessageKind.ScheduleReminder or ProgramMessageKind.MidyearRequest or ProgramMessageKind.MidyearReminder
        or ProgramMessageKind.SignOffRequest or ProgramMessageKind.SignOffReminder or ProgramMessageKind.DecisionRequest or ProgramMessageKind.DecisionReminder;

    /// <summary>The subject line of <paramref name="kind"/>, before the pairing's names are added.</summary>
    public static string SubjectOf(ProgramMessageKind kind) => Words(kind).Subject;

    public static ProgramMessage Compose(
        PairingYearSubject pairing, ProgramMessageKind kind, Recipient to, string sequence, string? detail = null, MeetingInviteDetails? invite = null, DateOnly? due = null)
    {
        var (subject, body, step) = Words(kind);
        var names = new PairingNames(pairing.Mentee.Name, pairing.Mentor.Name, pairing.School, pairing.DistrictName);
        var (about, suffix) = (names.About(to.Role), names.SubjectTail(to.Role));
        var paragraphs = new List<string> { about, body };
        if (due is { } by && AsksByADate(kind))
        {
            paragraphs.Add(string.Create(CultureInfo.InvariantCulture, $"Due by {by:dddd d MMMM yyyy}."));
        }

        if (detail is not null)
        {
            paragraphs.Add(detail);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{pairing.PairingId}/{kind}/{to.Role}/{sequence}");
        return new ProgramMessage(key, kind, pairing.PairingId, to, subject + suffix, string.Join("\n\n", paragraphs), step, invite);
    }

    private static (string Subject, string Body, string? Step) Words(ProgramMessageKind kind) => kind switch
    {
        ProgramMessageKind.ActionPlanInvite => ("Your mentoring action plan", "Agree your meeting time and place, 4–6 commitments and 3–5 goals, then sign the plan.", "action-plan"),
        ProgramMessageKind.ActionPlanReminder => ("Reminder: sign your mentoring action plan", "Your action plan still needs your signature.", "action-plan"),
        ProgramMessageKind.ActionPlanEscalation => ("Action plan overdue", "This pairing's action plan is past its deadline and not signed by everyone.", null),
        ProgramMessageKind.ScheduleRequest => ("Fill in your meeting schedule", "Choose your regular weekday, time and place; both of you get a calendar invite.", "schedule"),
        ProgramMessageKind.ScheduleReminder => ("Reminder: your meeting schedule", "Your regular meeting schedule is still missing.", "schedule"),
        ProgramMessageKind.ScheduleEscalation => ("Meeting schedule overdue", "This pairing has not filled in its meeting schedule.", null),
        ProgramMessageKind.MeetingInvite => ("Calendar invite: your regular mentoring meeting", "The attached invite adds your regular meeting to your calendar.", "log"),
        ProgramMessageKind.MeetingNudge => ("Time for a mentoring meeting?", "No meeting has been logged for two weeks. Log the ones you had, or plan the next.", "log"),
        ProgramMessageKind.MeetingGapAlert => ("A pair has not met for three weeks", "No meeting has been logged for this pairing for three weeks.", null),
        ProgramMessageKind.ObservationReminder => ("Observations this term", "This term's expected observation cycles are not all logged yet.", "observation"),
        ProgramMessageKind.MidyearRequest => ("Your midyear check", "Review progress on your goals and your hours so far.", "midyear"),
        ProgramMessageKind.MidyearReminder => ("Reminder: your midyear check", "Your midyear check is still missing.", "midyear"),
        ProgramMessageKind.AtRiskAlert => ("A pairing is at risk", "At midyear this pairing is behind pace or asked for support.", null),
        ProgramMessageKind.SignOffRequest => ("Sign off your mentoring year", "Confirm your hours and sign off the year.", "sign-off"),
        ProgramMessageKind.SignOffReminder => ("Reminder: sign off your mentoring year", "Your sign-off is still missing.", "sign-off"),
        ProgramMessageKind.SignOffEscalation => ("Sign-off overdue", "This pairing has not signed off its year.", "decision"),
        ProgramMessageKind.DecisionRequest => ("Decide a pairing's year", "This pairing needs your decision: completed, incomplete or extended.", "decision"),
        ProgramMessageKind.DecisionReminder => ("Reminder: decide a pairing's year", "This pairing still needs your decision.", "decision"),
        ProgramMessageKind.OutcomeNotice => ("Your mentoring year is recorded", "The outcome of your mentoring year has been recorded.", null),
        ProgramMessageKind.SeparationNotice => ("A pairing ended early", "This pairing ended before its year did.", null),
        ProgramMessageKind.PlanReadyToSign => ("Your action plan is ready to sign",
            "Your mentor has written and signed your action plan. Read it, and sign it if it is what you agreed: your regular meetings start once you both have.", "action-plan"),
        ProgramMessageKind.LogDisputed => ("Your mentee disputed a logged meeting",
            "Your mentee disputed time you logged. Correct the log or withdraw it on your log page; your mentee is asked again after a correction.", "log"),
        ProgramMessageKind.ConfirmationDigest => ("Confirm your mentoring time",
            "Your mentor logged time that waits for your word. Confirm what is right and dispute what is not: only confirmed time counts toward your hours.", "log"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no wording for this message"),
    };
}
