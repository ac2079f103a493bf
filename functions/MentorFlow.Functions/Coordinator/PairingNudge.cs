using System.Globalization;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Pages.Steps;
using MentorFlow.Functions.Records;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Coordinator;

/// <summary>
/// The coordinator's nudge: both people of a pairing get an email with the link for the step each is on (the plan, the
/// schedule, the midyear check, the sign-off — or logging meetings between them), saying who it is about and by when.
/// </summary>
public sealed class PairingNudge(
    IPairingRecords records, IProgramMessenger messenger, ISentMessageLedger ledger, DurableTaskClient engine, DistrictDirectory districts, TimeProvider clock)
{
    // Through the ledger, as the year's emails: a double click sends once, and the pairing's page lists it.
    private readonly SendProgramMessage _send = new(messenger, ledger, clock);

    /// <summary>Emails the pair; false when there is no such pairing.</summary>
    public async Task<bool> SendAsync(string pairingId, CancellationToken cancellationToken)
    {
        if (await records.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return false;
        }

        var status = (await engine.GetInstanceAsync(pairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        var names = new PairingNames(record.Mentee.Name, record.Mentor.Name, record.Pairing.School, districts.Options(record.Pairing.DistrictId)?.Name);
        // One nudge per pair per minute: a double click sends once.
        var at = clock.GetUtcNow().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        foreach (var person in new[]
        {
            new Recipient(RecipientRole.Mentor, record.Mentor.Name, record.Mentor.Email),
            new Recipient(RecipientRole.Mentee, record.Mentee.Name, record.Mentee.Email),
        })
        {
            var step = StepFor(status, person.Role);
            var ask = step == StepLinks.LogStep
                ? "Your program coordinator would like to see your next mentoring meeting logged. Log the meetings you had, or plan the next one."
                : $"Your program coordinator asks you to finish this step: {StepFormPage.StepTitle(step).ToLowerInvariant()}."
                    + (status?.DueAt is { } due
                        ? string.Create(CultureInfo.InvariantCulture, $" It {(due < clock.GetUtcNow().UtcDateTime ? "was" : "is")} due by {due:dddd d MMMM yyyy}.")
                        : "");
            await _send.SendAsync(new ProgramMessage(
                $"{pairingId}/CoordinatorNudge/{person.Role}/{at}", ProgramMessageKind.MeetingNudge, pairingId, person,
                "A note from your program coordinator" + names.SubjectTail(person.Role), $"{names.About(person.Role)}\n\n{ask}", step));
        }

        return true;
    }

    // The step the year waits on this person for; logging meetings when it waits on nobody (or on the other one).
    private static string StepFor(PairingYearStatus? status, RecipientRole role) =>
        status is null || !status.WaitingOn.Contains(role) ? StepLinks.LogStep : status.Stage switch
        {
            PairingStage.Kickoff => StepFormPage.ActionPlanStep,
            PairingStage.ScheduleFillIn => StepFormPage.ScheduleStep,
            PairingStage.MidyearCheck => StepFormPage.MidyearStep,
            PairingStage.SignOff => StepFormPage.SignOffStep,
            _ => StepLinks.LogStep,
        };
}
