using System.Globalization;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the action-plan step shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was typed, after an error).</param>
/// <param name="Errors">What is wrong, beside each field; the empty name for the plan as a whole.</param>
/// <param name="MySignature">This person's signature on the plan, once signed.</param>
/// <param name="Drafts">True when this person fills in the plan (the mentor); the mentee signs what the mentor wrote.</param>
/// <param name="CanSign">True while the plan can be signed: the year is at kickoff, and for the mentee, once the mentor has signed.</param>
/// <param name="PastKickoff">True when the year has moved past its action plan.</param>
public sealed record ActionPlanStepView(
    StepHeading Heading, string? FormToken, ActionPlanForm Form, FieldErrors Errors, Signature? MySignature, bool Drafts, bool CanSign, bool PastKickoff);

/// <summary>The action plan step: the mentor fills it in and signs, then the mentee signs what the mentor wrote.</summary>
public sealed partial class StepFormPage
{
    /// <summary>The step of the action plan.</summary>
    public const string ActionPlanStep = "action-plan";

    private const string AlreadySigned = "Already submitted: you signed this plan before.";

    private static Signature? MySignature(StepVisit visit, ActionPlan? plan) => visit.ForMentor ? plan?.MentorSignature : plan?.MenteeSignature;

    private static bool CanSign(StepVisit visit, ActionPlan? plan) =>
        visit.In(PairingStage.Kickoff) && (visit.ForMentor || plan?.MentorSignature is not null);

    private async Task<IResult> ShowActionPlanAsync(StepVisit visit, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(visit.Link.PairingId, cancellationToken);
        return await RenderActionPlanAsync(visit, plan, ActionPlanForm.From(plan));
    }

    private Task<IResult> RenderActionPlanAsync(StepVisit visit, ActionPlan? plan, ActionPlanForm form) =>
        RenderAsync<ActionPlanStepForm, ActionPlanStepView>(visit, new ActionPlanStepView(
            visit.Heading, visit.FormToken, form, visit.Errors, MySignature(visit, plan), visit.ForMentor, CanSign(visit, plan),
            visit.Progress is { Stage: not PairingStage.Kickoff }));

    private async Task<IResult> PostActionPlanAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        var expected = await plans.FindAsync(visit.Link.PairingId, cancellationToken);
        if (MySignature(visit, expected) is not null)
        {
            visit.AlreadySubmitted(AlreadySigned);
            return await RenderActionPlanAsync(visit, expected, ActionPlanForm.From(expected));
        }

        if (!CanSign(visit, expected))
        {
            return await RenderActionPlanAsync(visit, expected, ActionPlanForm.From(expected)); // not open: the page says so
        }

        // The mentee signs the plan as stored; only the mentor's rows are read from the form.
        var form = visit.ForMentor ? ReadActionPlan(posted) : ActionPlanForm.From(expected);
        form.SignatureName = posted.Text("Form.SignatureName");
        var (plan, errors) = visit.ForMentor ? form.ToPlan() : (expected!, []);
        foreach (var error in errors)
        {
            visit.Errors.Add($"Form.{error.Field}", Capitalized(error.Message) + ".");
        }

        ShowSignatureError(visit, "Form.SignatureName", form.SignatureName);

        if (!visit.Errors.IsEmpty)
        {
            return await RenderActionPlanAsync(visit, expected, form.Padded());
        }

        var signature = new Signature(visit.PersonName, Now);
        var signed = visit.ForMentor
            ? plan with { MentorSignature = signature, MenteeSignature = null }
            : plan with { MenteeSignature = signature };
        if (!await plans.SaveAsync(visit.Link.PairingId, expected, signed, PairingYearEvent.PlanSigned(visit.Link.Person), Now, cancellationToken))
        {
            var now = await plans.FindAsync(visit.Link.PairingId, cancellationToken);
            if (MySignature(visit, now) is not null)
            {
                // A racing post of this person's own signature landed first.
                visit.AlreadySubmitted(AlreadySigned);
            }
            else
            {
                visit.Errors.Add(string.Empty, "The plan changed while you were signing it. Read it again below, then sign.");
            }

            return await RenderActionPlanAsync(visit, now, ActionPlanForm.From(now));
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, confirmation: null); // a refresh shows the signed plan instead of posting again
    }

    // The mentor's rows as posted; rows are read up to the first one the form did not send, as the form lists them.
    private static ActionPlanForm ReadActionPlan(PostedForm posted)
    {
        var form = new ActionPlanForm
        {
            MeetingTime = posted.Text("Form.MeetingTime"),
            MeetingPlace = posted.Text("Form.MeetingPlace"),
            OffLimitsTopics = posted.Text("Form.OffLimitsTopics"),
        };
        for (var i = 0; i < ActionPlanForm.CommitmentRows; i++)
        {
            var row = string.Create(CultureInfo.InvariantCulture, $"Form.Commitments[{i}]");
            if (!posted.Has($"{row}.Text") && !posted.Has($"{row}.Category"))
            {
                break;
            }

            form.Commitments.Add(new CommitmentRow
            {
                Text = posted.Text($"{row}.Text"),
                Category = posted.Choice($"{row}.Category", default(CommitmentCategory), "Choose what this commitment is about from the list."),
            });
        }

        for (var i = 0; i < ActionPlanForm.GoalRows; i++)
        {
            var row = string.Create(CultureInfo.InvariantCulture, $"Form.Goals[{i}]");
            if (!posted.Has($"{row}.Goal") && !posted.Has($"{row}.MentorSupport") && !posted.Has($"{row}.MenteeAccountability"))
            {
                break;
            }

            form.Goals.Add(new GoalRow
            {
                Goal = posted.Text($"{row}.Goal"),
                MentorSupport = posted.Text($"{row}.MentorSupport"),
                MenteeAccountability = posted.Text($"{row}.MenteeAccountability"),
            });
        }

        return form;
    }
}
