using System.Globalization;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Districts;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The observation step: the mentor logs an observation cycle once its post-conference has happened.</summary>
public sealed partial class OpenModel
{
    /// <summary>The step of an observation cycle.</summary>
    public const string ObservationStep = "observation";

    /// <summary>What the observation form holds.</summary>
    public ObservationForm Observation { get; set; } = new();

    /// <summary>The cycles logged so far.</summary>
    public IReadOnlyList<ObservationCycle> Cycles { get; private set; } = [];

    /// <summary>Substitute hours left in the pairing's allowance.</summary>
    public decimal SubstituteHoursLeft { get; private set; }

    private async Task ShowObservationsAsync(DistrictDirectory districts, CancellationToken cancellationToken)
    {
        Cycles = await submissions.ListAsync<ObservationCycle>(Link!.PairingId, ObservationStep, cancellationToken);
        var allowance = districts.Find(Pairing!.Pairing.DistrictId)?.SubstituteHoursPerPairing ?? 0;
        SubstituteHoursLeft = Math.Max(0, allowance - Cycles.Sum(c => c.SubstituteHours));
        if (string.IsNullOrEmpty(Observation.CycleId) || ModelState.IsValid)
        {
            Observation = new ObservationForm { CycleId = Guid.NewGuid().ToString("N") };
        }
    }

    private async Task<IActionResult?> PostObservationAsync(DistrictDirectory districts, CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Observation, nameof(Observation));
        if (!LogOpen || string.IsNullOrWhiteSpace(Observation.CycleId) || Observation.CycleId.Length > 64)
        {
            return null;
        }

        var form = Observation;
        var pre = Date("Observation.PreConferenceOn", form.PreConferenceOn, "the pre-conference");
        var observed = Date("Observation.ObservedOn", form.ObservedOn, "the observation");
        var post = Date("Observation.PostConferenceOn", form.PostConferenceOn, "the post-conference");
        var hours = decimal.TryParse(string.IsNullOrWhiteSpace(form.SubstituteHours) ? "0" : form.SubstituteHours.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : (decimal?)null;
        if (hours is null)
        {
            ModelState.AddModelError("Observation.SubstituteHours", "Give the substitute hours as a number, e.g. 3 or 1.5 (0 when none).");
        }

        await ShowObservationsAsync(districts, cancellationToken);
        Observation = form;
        var cycle = new ObservationCycle(form.CycleId!, form.Type, pre ?? Today, observed ?? Today, post ?? Today, form.Focus?.Trim() ?? "", hours ?? 0);
        ShowRuleErrors(nameof(Observation), cycle.Validate(Pairing!.Pairing.StartsOn, Today, SubstituteHoursLeft));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await submissions.TryAddAsync(Link!.PairingId, ObservationStep, cycle.CycleId, cycle, Now, PairingYearEvent.Observed(cycle), cancellationToken))
        {
            return AlreadySubmitted("Already submitted: that observation cycle was logged before.");
        }

        await RaiseSavedEventsAsync(cancellationToken);
        Confirmation = $"Logged: {cycle.Type} observed on {cycle.ObservedOn:dddd d MMMM}.";
        return RedirectToPage();
    }

    // A date field of a form (YYYY-MM-DD, as a date input sends it), or null with the message beside the field.
    private DateOnly? Date(string field, string? text, string what)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, $"Give the date of {what}, e.g. 2026-10-06.");
        return null;
    }
}

/// <summary>The observation form as posted.</summary>
public sealed class ObservationForm
{
    /// <summary>The new cycle's id, made when the form is shown, so posting it twice logs it once.</summary>
    public string? CycleId { get; set; }

    /// <summary>Who observed whom.</summary>
    public ObservationType Type { get; set; }

    /// <summary>The pre-conference date.</summary>
    public string? PreConferenceOn { get; set; }

    /// <summary>The observation date.</summary>
    public string? ObservedOn { get; set; }

    /// <summary>The post-conference date.</summary>
    public string? PostConferenceOn { get; set; }

    /// <summary>What the observation focused on.</summary>
    public string? Focus { get; set; }

    /// <summary>Substitute hours used to free someone to observe.</summary>
    public string? SubstituteHours { get; set; }
}
