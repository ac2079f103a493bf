using System.Globalization;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The sign-off: each person confirms the hours summary, rates the year and signs.</summary>
public sealed partial class OpenModel
{
    /// <summary>The step of the sign-off.</summary>
    public const string SignOffStep = "sign-off";

    /// <summary>What the sign-off form holds.</summary>
    public SignOffForm SignOffForm { get; set; } = new();

    /// <summary>This person's sign-off for the current end of the year, once given.</summary>
    public SignOff? MySignOff { get; private set; }

    /// <summary>True while this person's sign-off is waited for.</summary>
    public bool SignOffOpen => Progress?.Stage == PairingStage.SignOff && MySignOff is null;

    // An extension moves the end date, and the pair signs off again.
    private string SignOffKey => string.Create(CultureInfo.InvariantCulture, $"{Link!.Person}-{Progress?.EndsOn:yyyy-MM-dd}");

    private async Task ShowSignOffAsync(CancellationToken cancellationToken) =>
        MySignOff = await submissions.FindAsync<SignOff>(Link!.PairingId, SignOffStep, SignOffKey, cancellationToken);

    private async Task<IActionResult?> PostSignOffAsync(CancellationToken cancellationToken)
    {
        await ShowSignOffAsync(cancellationToken);
        if (MySignOff is not null)
        {
            return AlreadySubmitted("Already submitted: your sign-off was in before.");
        }

        if (!SignOffOpen)
        {
            return null;
        }

        await TryUpdateModelAsync(SignOffForm, nameof(SignOffForm));
        var signOff = new SignOff(Progress!.Pace.ConfirmedHours, SignOffForm.HoursConfirmed, SignOffForm.Satisfaction, SignOffForm.SignedName?.Trim() ?? "");
        ShowRuleErrors(nameof(SignOffForm), signOff.Validate());
        if (!string.IsNullOrWhiteSpace(signOff.SignedName))
        {
            ShowSignatureError($"{nameof(SignOffForm)}.{nameof(SignOffForm.SignedName)}", signOff.SignedName);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await submissions.TryAddAsync(Link!.PairingId, SignOffStep, SignOffKey, signOff, Now, PairingYearEvent.SignedOffBy(Link.Person, signOff), cancellationToken))
        {
            return AlreadySubmitted("Already submitted: your sign-off was in before.");
        }

        await RaiseSavedEventsAsync(cancellationToken);
        Confirmation = "Your sign-off is in. Thank you for this year of mentoring.";
        return RedirectToPage();
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
