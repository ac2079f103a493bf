using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// Where an emailed link lands (<c>/s/{token}</c>): a tampered or expired link gets a page saying what to do; a genuine
/// one opens that person's step. The action plan is filled in and signed by the mentor, then signed by the mentee; a
/// step already submitted says so and changes nothing.
/// </summary>
public sealed class OpenModel(
    StepLinkSigner signer, TimeProvider clock, IPairingRecords records, IActionPlanStore plans, DurableTaskClient engine) : PageModel
{
    /// <summary>The step of the action plan.</summary>
    public const string ActionPlanStep = "action-plan";

    /// <summary>Why the link does not open its step, when it does not.</summary>
    public StepLinkProblem Problem { get; private set; }

    /// <summary>The link, when genuine.</summary>
    public StepLink? Link { get; private set; }

    /// <summary>The person the link is for.</summary>
    public string? PersonName { get; private set; }

    /// <summary>The other person of the pairing.</summary>
    public string? PartnerName { get; private set; }

    /// <summary>Where the year stands.</summary>
    public PairingYearStatus? Progress { get; private set; }

    /// <summary>The action plan as stored, for the action-plan step.</summary>
    public ActionPlan? Plan { get; private set; }

    /// <summary>What the action-plan form holds (posted values are kept on an error).</summary>
    [BindProperty]
    public ActionPlanForm Form { get; set; } = new();

    /// <summary>This person's signature on the plan, once signed.</summary>
    public Signature? MySignature => Link?.Person == RecipientRole.Mentor ? Plan?.MentorSignature : Plan?.MenteeSignature;

    /// <summary>True when the mentor fills in the form; the mentee signs what the mentor wrote.</summary>
    public bool Drafts => Link?.Person == RecipientRole.Mentor;

    /// <summary>Reads the link and shows the step.</summary>
    public async Task OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await OpenAsync(token, cancellationToken))
        {
            Form = ActionPlanForm.From(Plan);
        }
    }

    /// <summary>Submits the step: saves it, raises the pairing's event, and shows it submitted; on an error shows the form again.</summary>
    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await OpenAsync(token, cancellationToken) || Link!.Step != ActionPlanStep || MySignature is not null || !CanSign)
        {
            Form = ActionPlanForm.From(Plan); // nothing to submit, or already submitted: the page says which
            return Page();
        }

        var expected = Plan;
        var (plan, errors) = Drafts ? Form.ToPlan() : (Plan!, []);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", Capitalized(error.Message) + ".");
        }

        if (!string.Equals(Form.SignatureName?.Trim(), PersonName, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(ActionPlanForm.SignatureName)}", $"Type your full name as it appears here, {PersonName}, to sign.");
        }

        if (!ModelState.IsValid)
        {
            Form.Padded();
            return Page();
        }

        var signature = new Signature(PersonName!, clock.GetUtcNow().UtcDateTime);
        var signed = Drafts
            ? plan with { MentorSignature = signature, MenteeSignature = null }
            : plan with { MenteeSignature = signature };
        if (!await plans.SaveAsync(Link.PairingId, expected, signed, cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "The plan changed while you were signing it. Read it again below, then sign.");
            await OpenAsync(token, cancellationToken);
            Form = ActionPlanForm.From(Plan);
            return Page();
        }

        await engine.RaiseEventAsync(Link.PairingId, PairingYearOrchestrator.EventName, PairingYearEvent.PlanSigned(Link.Person), cancellationToken);
        return RedirectToPage(new { token }); // a refresh shows the signed plan instead of posting again
    }

    /// <summary>True while the plan can be signed: the year is at kickoff, and for the mentee, once the mentor has signed.</summary>
    public bool CanSign => Progress?.Stage == PairingStage.Kickoff && (Drafts || Plan?.MentorSignature is not null);

    /// <summary>The step's name as a person reads it.</summary>
    public static string StepTitle(string step) => step switch
    {
        ActionPlanStep => "Your mentoring action plan",
        "schedule" => "Your regular meeting schedule",
        StepLinks.LogStep => "Log a meeting",
        "observation" => "An observation cycle",
        "midyear" => "Your midyear check",
        "sign-off" => "Signing off your year",
        _ => "Your mentoring step",
    };

    private static string Capitalized(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..];

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

        (PersonName, PartnerName) = Link.Person == RecipientRole.Mentor ? (record.Mentor.Name, record.Mentee.Name) : (record.Mentee.Name, record.Mentor.Name);
        Progress = (await engine.GetInstanceAsync(Link.PairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        Plan = Link.Step == ActionPlanStep ? await plans.FindAsync(Link.PairingId, cancellationToken) : null;
        return true;
    }
}
