using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// Where an emailed link lands (<c>/s/{token}</c>): a tampered or expired link gets a page saying what to do; a genuine
/// one opens that person's step form (one partial class file per step). A step already submitted says so and a second
/// post changes nothing. A form is saved with the year event it owes in one transaction, so the year always hears of it.
/// </summary>
public sealed partial class OpenModel(
    StepLinkSigner signer, TimeProvider clock, IPairingRecords records, IActionPlanStore plans, ISubmissionStore submissions, DurableTaskClient engine,
    DistrictDirectory districts, YearEventRelay relay)
    : PageModel
{
    /// <summary>Why the link does not open its step, when it does not.</summary>
    public StepLinkProblem Problem { get; private set; }

    /// <summary>The link, when genuine.</summary>
    public StepLink? Link { get; private set; }

    /// <summary>The pairing, when the link is genuine.</summary>
    public PairingRecord? Pairing { get; private set; }

    /// <summary>The person the link is for.</summary>
    public string? PersonName { get; private set; }

    /// <summary>The other person of the pairing.</summary>
    public string? PartnerName { get; private set; }

    /// <summary>Where the year stands.</summary>
    public PairingYearStatus? Progress { get; private set; }

    /// <summary>What the page says once a step was just submitted.</summary>
    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>What the page says to a post that came after the step was already submitted (shown once, not kept).</summary>
    public string? AlreadySubmittedNotice { get; private set; }

    /// <summary>The step's name as a person reads it.</summary>
    public static string StepTitle(string step) => step switch
    {
        ActionPlanStep => "Your mentoring action plan",
        ScheduleStep => "Your regular meeting schedule",
        StepLinks.LogStep => "Log a meeting",
        ObservationStep => "Log an observation cycle",
        MidyearStep => "Your midyear check",
        SignOffStep => "Signing off your year",
        _ => "Your mentoring step",
    };

    /// <summary>Reads the link and shows the step.</summary>
    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, cancellationToken))
        {
            await ShowAsync(cancellationToken);
        }
    }

    /// <summary>Submits the link's step; on an error shows the form again with the message beside the field.</summary>
    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken))
        {
            return Page();
        }

        var result = Link!.Step switch
        {
            ActionPlanStep => await PostActionPlanAsync(cancellationToken),
            ScheduleStep when Link.Person == RecipientRole.Mentor => await PostScheduleAsync(cancellationToken),
            StepLinks.LogStep when Link.Person == RecipientRole.Mentor => await PostLogAsync(cancellationToken),
            StepLinks.LogStep => await PostConfirmationAsync(cancellationToken),
            ObservationStep when Link.Person == RecipientRole.Mentor => await PostObservationAsync(districts, cancellationToken),
            MidyearStep => await PostMidyearAsync(cancellationToken),
            SignOffStep => await PostSignOffAsync(cancellationToken),
            _ => null,
        };
        if (result is not null)
        {
            return result;
        }

        await ShowAsync(cancellationToken);
        return Page();
    }

    private static string Capitalized(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

    private static string Pascal(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    // A broken rule shows beside its form field (form.Field), unless that field already says it could not be read.
    private void ShowRuleErrors(string form, IEnumerable<Core.Validation.RuleViolation> violations)
    {
        foreach (var violation in violations)
        {
            var key = $"{form}.{Pascal(violation.Field)}";
            if (ModelState.GetFieldValidationState(key) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(key, Capitalized(violation.Message) + ".");
            }
        }
    }

    private void ShowSignatureError(string field, string? typed)
    {
        if (!string.Equals(typed?.Trim(), PersonName, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(field, $"Type your full name as it appears here, {PersonName}, to sign.");
        }
    }

    // A post after the step was submitted (a double tap, a second tab, a racing request) changes nothing and gets the page
    // with 409, saying so; the caller shows the page as it now stands.
    private IActionResult? AlreadySubmitted(string notice)
    {
        AlreadySubmittedNotice = notice;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    // The form saved its year event with it; raising it now is only quicker: the relay raises it later when this fails.
    private Task<int> RaiseSavedEventsAsync(CancellationToken cancellationToken) => relay.RaisePendingAsync(cancellationToken);

    // What the page needs to show the step (after a post that changed nothing, too).
    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        switch (Link!.Step)
        {
            case ActionPlanStep:
                Form = ActionPlanForm.From(Plan);
                break;
            case ScheduleStep:
                SubmittedSchedule = await submissions.FindAsync<Core.Schedules.MeetingSchedule>(Link.PairingId, ScheduleStep, CurrentKey, cancellationToken);
                break;
            case StepLinks.LogStep:
                await ShowLogsAsync(cancellationToken);
                break;
            case ObservationStep:
                await ShowObservationsAsync(districts, cancellationToken);
                break;
            case MidyearStep:
                await ShowMidyearAsync(cancellationToken);
                break;
            case SignOffStep:
                await ShowSignOffAsync(cancellationToken);
                break;
        }
    }

    // True when the link is genuine and its pairing exists; sets the status code of the friendly page otherwise.
    private async Task<bool> OpenAsync(string token, CancellationToken cancellationToken)
    {
        (Link, Problem) = signer.Read(token, clock.GetUtcNow());
        if (Link is null || Problem != StepLinkProblem.None)
        {
            Response.StatusCode = Problem == StepLinkProblem.Expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound;
            return false;
        }

        if (await records.FindAsync(Link.PairingId, cancellationToken) is not { } record)
        {
            Problem = StepLinkProblem.Tampered;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        Pairing = record;
        (PersonName, PartnerName) = Link.Person == RecipientRole.Mentor ? (record.Mentor.Name, record.Mentee.Name) : (record.Mentee.Name, record.Mentor.Name);
        Progress = (await engine.GetInstanceAsync(Link.PairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        Plan = Link.Step == ActionPlanStep ? await plans.FindAsync(Link.PairingId, cancellationToken) : null;
        return true;
    }
}
