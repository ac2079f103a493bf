using System.Globalization;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the sign-off step shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was typed, after an error).</param>
/// <param name="Errors">What is wrong, beside each field.</param>
/// <param name="Mine">This person's sign-off for the current end of the year, once given.</param>
/// <param name="Open">True while this person's sign-off is waited for.</param>
/// <param name="Progress">Where the year stands, for the hours summary and its end.</param>
public sealed record SignOffStepView(StepHeading Heading, string? FormToken, SignOffForm Form, FieldErrors Errors, SignOff? Mine, bool Open, PairingYearStatus? Progress);

/// <summary>The sign-off: each person confirms the hours summary, rates the year and signs.</summary>
public sealed partial class StepFormPage
{
    /// <summary>The step of the sign-off.</summary>
    public const string SignOffStep = "sign-off";

    private const string SignOffAlreadyIn = "Already submitted: your sign-off was in before.";

    // An extension moves the end date, and the pair signs off again.
    private static string SignOffKey(StepVisit visit) => string.Create(CultureInfo.InvariantCulture, $"{visit.Link.Person}-{visit.Progress?.EndsOn:yyyy-MM-dd}");

    private Task<SignOff?> MySignOffAsync(StepVisit visit, CancellationToken cancellationToken) =>
        submissions.FindAsync<SignOff>(visit.Link.PairingId, SignOffStep, SignOffKey(visit), cancellationToken);

    private async Task<IResult> ShowSignOffAsync(StepVisit visit, SignOffForm? form, CancellationToken cancellationToken)
    {
        var mine = await MySignOffAsync(visit, cancellationToken);
        return await RenderAsync<SignOffStepForm, SignOffStepView>(visit, new SignOffStepView(
            visit.Heading, visit.FormToken, form ?? new SignOffForm(), visit.Errors, mine, visit.Progress?.Stage == PairingStage.SignOff && mine is null, visit.Progress));
    }

    private async Task<IResult> PostSignOffAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        var mine = await MySignOffAsync(visit, cancellationToken);
        if (mine is not null)
        {
            visit.AlreadySubmitted(SignOffAlreadyIn);
            return await ShowSignOffAsync(visit, form: null, cancellationToken);
        }

        if (visit.Progress?.Stage != PairingStage.SignOff)
        {
            return await ShowSignOffAsync(visit, form: null, cancellationToken);
        }

        var form = new SignOffForm
        {
            HoursConfirmed = posted.Flag("SignOffForm.HoursConfirmed"),
            Satisfaction = posted.Number("SignOffForm.Satisfaction", 0, "Rate your satisfaction from 1 to 5."),
            SignedName = posted.Text("SignOffForm.SignedName"),
        };
        var signOff = new SignOff(visit.Progress.Pace.ConfirmedHours, form.HoursConfirmed, form.Satisfaction, form.SignedName?.Trim() ?? "");
        ShowRuleErrors(visit.Errors, "SignOffForm", signOff.Validate());
        if (!string.IsNullOrWhiteSpace(signOff.SignedName))
        {
            ShowSignatureError(visit, "SignOffForm.SignedName", signOff.SignedName);
        }

        if (!visit.Errors.IsEmpty)
        {
            return await ShowSignOffAsync(visit, form, cancellationToken);
        }

        if (!await submissions.TryAddAsync(visit.Link.PairingId, SignOffStep, SignOffKey(visit), signOff, Now, PairingYearEvent.SignedOffBy(visit.Link.Person, signOff), cancellationToken))
        {
            visit.AlreadySubmitted(SignOffAlreadyIn);
            return await ShowSignOffAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, $"Your sign-off is in. Thank you for this year of mentoring. Next: once {visit.PartnerName} has signed off too, the year is recorded and you both get its outcome by email.");
    }
}

/// <summary>The sign-off form as posted.</summary>
public sealed class SignOffForm
{
    /// <summary>The hours summary is right.</summary>
    public bool HoursConfirmed { get; set; }

    /// <summary>Satisfaction with the year, 1 to 5; 0 when not chosen.</summary>
    public int Satisfaction { get; set; }

    /// <summary>The name typed as the signature.</summary>
    public string? SignedName { get; set; }
}
