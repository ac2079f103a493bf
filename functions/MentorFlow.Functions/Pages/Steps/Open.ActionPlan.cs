using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The action plan step: the mentor fills it in and signs, then the mentee signs what the mentor wrote.</summary>
public sealed partial class OpenModel
{
    /// <summary>The step of the action plan.</summary>
    public const string ActionPlanStep = "action-plan";

    /// <summary>The action plan as stored, for the action-plan step.</summary>
    public ActionPlan? Plan { get; private set; }

    /// <summary>What the action-plan form holds (posted values are kept on an error).</summary>
    public ActionPlanForm Form { get; set; } = new();

    /// <summary>This person's signature on the plan, once signed.</summary>
    public Signature? MySignature => Link?.Person == RecipientRole.Mentor ? Plan?.MentorSignature : Plan?.MenteeSignature;

    /// <summary>True when the mentor fills in the form; the mentee signs what the mentor wrote.</summary>
    public bool Drafts => Link?.Person == RecipientRole.Mentor;

    /// <summary>True while the plan can be signed: the year is at kickoff, and for the mentee, once the mentor has signed.</summary>
    public bool CanSign => Progress?.Stage == PairingStage.Kickoff && (Drafts || Plan?.MentorSignature is not null);

    private async Task<IActionResult?> PostActionPlanAsync(CancellationToken cancellationToken)
    {
        if (MySignature is not null)
        {
            return AlreadySubmitted("Already submitted: you signed this plan before.");
        }

        if (!CanSign)
        {
            return null; // not open: the page says so
        }

        await TryUpdateModelAsync(Form, nameof(Form));
        var expected = Plan;
        var (plan, errors) = Drafts ? Form.ToPlan() : (Plan!, []);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Form)}.{error.Field}", Capitalized(error.Message) + ".");
        }

        ShowSignatureError($"{nameof(Form)}.{nameof(ActionPlanForm.SignatureName)}", Form.SignatureName);

        if (!ModelState.IsValid)
        {
            Form.Padded();
            return Page();
        }

        var signature = new Signature(PersonName!, Now);
        var signed = Drafts
            ? plan with { MentorSignature = signature, MenteeSignature = null }
            : plan with { MenteeSignature = signature };
        if (!await plans.SaveAsync(Link!.PairingId, expected, signed, PairingYearEvent.PlanSigned(Link.Person), Now, cancellationToken))
        {
            Plan = await plans.FindAsync(Link.PairingId, cancellationToken);
            if (MySignature is not null)
            {
                // A racing post of this person's own signature landed first.
                return AlreadySubmitted("Already submitted: you signed this plan before.");
            }

            ModelState.AddModelError(string.Empty, "The plan changed while you were signing it. Read it again below, then sign.");
            Form = ActionPlanForm.From(Plan);
            return Page();
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return RedirectToPage(); // a refresh shows the signed plan instead of posting again
    }
}
