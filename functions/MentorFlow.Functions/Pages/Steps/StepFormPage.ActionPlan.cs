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
/// <param name="DraftSavedAt">When the draft filled in below was saved (UTC), when the form shows one.</param>
public sealed record ActionPlanStepView(
    StepHeading Heading, string? FormToken, ActionPlanForm Form, FieldErrors Errors, Signature? MySignature, bool Drafts, bool CanSign, bool PastKickoff,
    DateTime? DraftSavedAt = null);

/// <summary>The action plan step: the mentor fills it in and signs, then the mentee signs what the mentor wrote.</summary>
public sealed partial class StepFormPage
{
    /// <summary>The step of the action plan.</summary>
    public const string ActionPlanStep = "action-plan";

    private const string AlreadySigned = "Already submitted: you signed this plan before.";

    private static Signature? MySignature(StepVisit visit, ActionPlan? plan) => visit.ForMentor ? plan?.MentorSignature : plan?.MenteeSignature;

    private static bool CanSign(StepVisit visit, ActionPlan? plan) =>
        visit.In(PairingStage.Kickoff) && (visit.ForMentor || plan?.MentorSignature is not null);

    /// <summary>The longest value a draft keeps of one field: as long as a field of the plan may be, with room to spare.</summary>
    public const int LongestDraftField = 4000;

    private async Task<IResult> ShowActionPlanAsync(StepVisit visit, CancellationToken cancellationToken)
    {
        var plan = await plans.FindAsync(visit.Link.PairingId, cancellationToken);
        // The mentor's unsigned plan opens as they left it, from their draft.
        if (visit.ForMentor && MySignature(visit, plan) is null && CanSign(visit, plan)
            && await drafts.FindAsync(visit.Link.PairingId, ActionPlanStep, visit.Link.Person, cancellationToken) is { } draft)
        {
            var fields = new FormCollection(draft.Fields.ToDictionary(f => f.Key, f => new Microsoft.Extensions.Primitives.StringValues(f.Value)));
            return await RenderActionPlanAsync(visit, plan, ReadActionPlan(new PostedForm(fields, new FieldErrors())).Padded(), draft.SavedAt);
        }

        return await RenderActionPlanAsync(visit, plan, ActionPlanForm.From(plan));
    }

    private Task<IResult> RenderActionPlanAsync(StepVisit visit, ActionPlan? plan, ActionPlanForm form, DateTime? draftSavedAt = null) =>
        RenderAsync<ActionPlanStepForm, ActionPlanStepView>(visit, new ActionPlanStepView(
            visit.Heading, visit.FormToken, form, visit.Errors, MySignature(visit, plan), visit.ForMentor, CanSign(visit, plan),
            visit.Progress is { Stage: not PairingStage.Kickoff }, draftSavedAt));

    // The mentor keeps the plan as typed, unchecked and unsigned, for their link to open again; nothing reaches the year.
    private async Task<IResult> SaveActionPlanDraftAsync(StepVisit visit, ActionPlan? expected, PostedForm posted, CancellationToken cancellationToken)
    {
        var form = ReadActionPlan(posted);
        var fields = posted.Names.Where(n => n.StartsWith("Form.", StringComparison.Ordinal) && n != "Form.SignatureName")
            .ToDictionary(n => n, n => posted.Text(n) ?? "", StringComparer.Ordinal);
        if (fields.FirstOrDefault(f => f.Value.Length > LongestDraftField) is { Key: not null } tooLong)
        {
            visit.Errors.Add(tooLong.Key, string.Create(CultureInfo.InvariantCulture,
                $"This is longer than a draft keeps ({LongestDraftField} characters); shorten it, then save the draft again."));
            return await RenderActionPlanAsync(visit, expected, form.Padded());
        }

        await drafts.SaveAsync(new Drafts.FormDraft(visit.Link.PairingId, ActionPlanStep, visit.Link.Person, fields, Now), cancellationToken);
        return await RenderActionPlanAsync(visit, expected, form.Padded(), Now);
    }

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

        if (visit.ForMentor && posted.Text("intent") == "draft")
        {
            return await SaveActionPlanDraftAsync(visit, expected, posted, cancellationToken);
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
        if (visit.ForMentor)
        {
            await drafts.DeleteAsync(visit.Link.PairingId, ActionPlanStep, visit.Link.Person, cancellationToken);
        }

        // A refresh shows the signed plan instead of posting again; the notice says what happens next, and for whom.
        return Saved(visit, visit.ForMentor
            ? $"Signed. {visit.PartnerName} can now read the plan and sign it from their emailed link; once they have, you get the link to fill in your regular meeting schedule."
            : $"Signed. The plan is agreed: {visit.PartnerName} now fills in your regular meeting schedule, and you both get a calendar invite for it.");
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
