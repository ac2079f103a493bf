using System.Globalization;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the mentee's midyear page shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was chosen, after an error).</param>
/// <param name="Errors">What is wrong, beside each field.</param>
/// <param name="Submitted">The mentee's word, once given.</param>
/// <param name="Open">True while the mentee can give it: from the midyear check until the second half ends.</param>
public sealed record MenteeMidyearStepView(StepHeading Heading, string? FormToken, MenteeMidyearForm Form, FieldErrors Errors, MenteeMidyearWord? Submitted, bool Open);

/// <summary>The mentee's midyear form as posted.</summary>
/// <param name="Helpfulness">1 to 4; 0 when not chosen.</param>
/// <param name="Concerns">A concern for the coordinator.</param>
/// <param name="SupportRequested">True when the mentee asks the coordinator to get in touch.</param>
public sealed record MenteeMidyearForm(int Helpfulness, string? Concerns, bool SupportRequested);

/// <summary>The midyear check asks the mentee too: their own word, for the coordinator, beside the check the mentor fills in.</summary>
public sealed partial class StepFormPage
{
    private const string MenteeMidyearAlreadyIn = "Already submitted: your word at midyear was in before.";

    private static bool MenteeMidyearOpen(StepVisit visit, MenteeMidyearWord? submitted) =>
        submitted is null && (visit.In(PairingStage.MidyearCheck) || visit.In(PairingStage.SecondObservations));

    private async Task<IResult> ShowMenteeMidyearAsync(StepVisit visit, MenteeMidyearForm? form, CancellationToken cancellationToken)
    {
        var submitted = await submissions.FindAsync<MenteeMidyearWord>(visit.Link.PairingId, MenteeMidyearKind, CurrentKey, cancellationToken);
        return await RenderAsync<MenteeMidyearStepForm, MenteeMidyearStepView>(visit, new MenteeMidyearStepView(
            visit.Heading, visit.FormToken, form ?? new MenteeMidyearForm(0, null, false), visit.Errors, submitted, MenteeMidyearOpen(visit, submitted)));
    }

    private async Task<IResult> PostMenteeMidyearAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        var submitted = await submissions.FindAsync<MenteeMidyearWord>(visit.Link.PairingId, MenteeMidyearKind, CurrentKey, cancellationToken);
        if (submitted is not null)
        {
            visit.AlreadySubmitted(MenteeMidyearAlreadyIn);
        }

        if (!MenteeMidyearOpen(visit, submitted))
        {
            return await ShowMenteeMidyearAsync(visit, form: null, cancellationToken);
        }

        var form = new MenteeMidyearForm(
            int.TryParse(posted.Text("Mentee.Helpfulness"), NumberStyles.None, CultureInfo.InvariantCulture, out var helps) ? helps : 0,
            posted.Text("Mentee.Concerns"), posted.All("Mentee.SupportRequested").Contains("true"));
        var word = new MenteeMidyearWord(form.Helpfulness, string.IsNullOrWhiteSpace(form.Concerns) ? null : form.Concerns.Trim(), form.SupportRequested);
        ShowRuleErrors(visit.Errors, "Mentee", word.Validate());
        if (!visit.Errors.IsEmpty)
        {
            return await ShowMenteeMidyearAsync(visit, form, cancellationToken);
        }

        if (!await submissions.TryAddAsync(visit.Link.PairingId, MenteeMidyearKind, CurrentKey, word, Now, PairingYearEvent.MenteeMidyearIn(word), cancellationToken))
        {
            visit.AlreadySubmitted(MenteeMidyearAlreadyIn);
            return await ShowMenteeMidyearAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, word.NeedsTheCoordinator
            ? "Thank you: your word is in. Your coordinator reads it and will get in touch with you."
            : $"Thank you: your word is in. Next: keep meeting with {visit.PartnerName}; you will both be asked to sign off at the end of the year.");
    }
}
