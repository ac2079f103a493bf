using System.Globalization;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Wording;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the observation step shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was typed, after an error).</param>
/// <param name="Errors">What is wrong, beside each field.</param>
/// <param name="ForMentor">True when the link is the mentor's, who logs the cycles.</param>
/// <param name="Open">True while cycles can be logged: the year runs and has not finished.</param>
/// <param name="CyclesSoFar">The cycles logged so far.</param>
/// <param name="SubstituteHoursLeft">Substitute hours left in the pairing's allowance.</param>
public sealed record ObservationStepView(
    StepHeading Heading, string? FormToken, ObservationForm Form, FieldErrors Errors, bool ForMentor, bool Open, int CyclesSoFar, decimal SubstituteHoursLeft);

/// <summary>The observation step: the mentor logs an observation cycle once its post-conference has happened.</summary>
public sealed partial class StepFormPage
{
    /// <summary>The step of an observation cycle.</summary>
    public const string ObservationStep = "observation";

    private async Task<(IReadOnlyList<ObservationCycle> Cycles, decimal HoursLeft)> ObservationsAsync(StepVisit visit, CancellationToken cancellationToken)
    {
        var cycles = await submissions.ListAsync<ObservationCycle>(visit.Link.PairingId, ObservationStep, cancellationToken);
        var allowance = districts.Find(visit.Pairing.Pairing.DistrictId)?.SubstituteHoursPerPairing ?? 0;
        return (cycles, Math.Max(0, allowance - cycles.Sum(c => c.SubstituteHours)));
    }

    private async Task<IResult> ShowObservationAsync(StepVisit visit, ObservationForm? form, CancellationToken cancellationToken)
    {
        var (cycles, hoursLeft) = await ObservationsAsync(visit, cancellationToken);
        return await RenderAsync<ObservationStepForm, ObservationStepView>(visit, new ObservationStepView(
            visit.Heading, visit.FormToken, form ?? new ObservationForm { CycleId = Guid.NewGuid().ToString("N") }, visit.Errors, visit.ForMentor, LogOpen(visit),
            cycles.Count, hoursLeft));
    }

    private async Task<IResult> PostObservationAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        var form = new ObservationForm
        {
            CycleId = posted.Text("Observation.CycleId"),
            Type = posted.Choice("Observation.Type", default(ObservationType), "Choose who observed whom from the list."),
            PreConferenceOn = posted.Text("Observation.PreConferenceOn"),
            ObservedOn = posted.Text("Observation.ObservedOn"),
            PostConferenceOn = posted.Text("Observation.PostConferenceOn"),
            Focus = posted.Text("Observation.Focus"),
            SubstituteHours = posted.Text("Observation.SubstituteHours"),
        };
        if (!LogOpen(visit) || string.IsNullOrWhiteSpace(form.CycleId) || form.CycleId.Length > 64)
        {
            return await ShowObservationAsync(visit, form: null, cancellationToken);
        }

        var errors = visit.Errors;
        var pre = Date(errors, "Observation.PreConferenceOn", form.PreConferenceOn, "the pre-conference");
        var observed = Date(errors, "Observation.ObservedOn", form.ObservedOn, "the observation");
        var post = Date(errors, "Observation.PostConferenceOn", form.PostConferenceOn, "the post-conference");
        var hours = decimal.TryParse(string.IsNullOrWhiteSpace(form.SubstituteHours) ? "0" : form.SubstituteHours.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : (decimal?)null;
        if (hours is null)
        {
            errors.Add("Observation.SubstituteHours", "Give the substitute hours as a number, e.g. 3 or 1.5 (0 when none).");
        }

        var (_, hoursLeft) = await ObservationsAsync(visit, cancellationToken);
        var cycle = new ObservationCycle(form.CycleId, form.Type, pre ?? Today, observed ?? Today, post ?? Today, form.Focus?.Trim() ?? "", hours ?? 0);
        ShowRuleErrors(errors, "Observation", cycle.Validate(visit.Pairing.Pairing.StartsOn, Today, hoursLeft));

        if (!errors.IsEmpty)
        {
            return await ShowObservationAsync(visit, form, cancellationToken);
        }

        if (!await submissions.TryAddAsync(visit.Link.PairingId, ObservationStep, cycle.CycleId, cycle, Now, PairingYearEvent.Observed(cycle), cancellationToken))
        {
            visit.AlreadySubmitted("Already submitted: that observation cycle was logged before.");
            return await ShowObservationAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, $"Logged: an observation cycle ({ProgramWords.Of(cycle.Type)}), observed on {cycle.ObservedOn:dddd d MMMM}. It counts toward this term's observations, and your coordinator sees it.");
    }

    // A date field of a form (YYYY-MM-DD, as a date input sends it), or null with the message beside the field.
    private static DateOnly? Date(FieldErrors errors, string field, string? text, string what)
    {
        if (TypedText.Day(text?.Trim()) is { } date)
        {
            return date;
        }

        errors.Add(field, $"Give the date of {what}, e.g. 2026-10-06.");
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
