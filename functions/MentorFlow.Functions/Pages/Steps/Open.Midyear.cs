using System.Globalization;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Year;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The midyear check: the mentor rates progress on each goal of the plan, with the hours pre-filled.</summary>
public sealed partial class OpenModel
{
    /// <summary>The step of the midyear check.</summary>
    public const string MidyearStep = "midyear";

    /// <summary>What the midyear form holds.</summary>
    public MidyearForm Midyear { get; set; } = new();

    /// <summary>The goals of the signed plan, numbered from 1.</summary>
    public IReadOnlyList<string> PlanGoals { get; private set; } = [];

    /// <summary>The check submitted, once it was.</summary>
    public MidyearCheck? SubmittedMidyear { get; private set; }

    /// <summary>True while the midyear check is waited for.</summary>
    public bool MidyearOpen => Progress?.Stage == PairingStage.MidyearCheck && SubmittedMidyear is null;

    private async Task ShowMidyearAsync(CancellationToken cancellationToken)
    {
        SubmittedMidyear = await submissions.FindAsync<MidyearCheck>(Link!.PairingId, MidyearStep, CurrentKey, cancellationToken);
        PlanGoals = [.. ((await plans.FindAsync(Link.PairingId, cancellationToken))?.Goals ?? []).Select(g => g.Goal)];
        if (Midyear.Progress.Count != PlanGoals.Count)
        {
            Midyear = new MidyearForm { Progress = [.. PlanGoals.Select(_ => 0)], Comments = [.. PlanGoals.Select(_ => (string?)null)] };
        }
    }

    private async Task<IActionResult?> PostMidyearAsync(CancellationToken cancellationToken)
    {
        await ShowMidyearAsync(cancellationToken);
        if (SubmittedMidyear is not null && Link!.Person == Core.Messaging.RecipientRole.Mentor)
        {
            return AlreadySubmitted("Already submitted: your midyear check was in before.");
        }

        if (!MidyearOpen || Link!.Person != Core.Messaging.RecipientRole.Mentor)
        {
            return null;
        }

        // Read per goal: a goal left unrated must not cut off the ratings after it (list binding stops at a gap).
        Midyear = new MidyearForm
        {
            Progress = [.. PlanGoals.Select((_, i) => int.TryParse(Request.Form[$"Midyear.Progress[{i}]"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0)],
            Comments = [.. PlanGoals.Select((_, i) => (string?)Request.Form[$"Midyear.Comments[{i}]"].ToString())],
            Concerns = Request.Form["Midyear.Concerns"],
            SupportRequested = Request.Form["Midyear.SupportRequested"].Contains("true"),
        };
        var goals = PlanGoals.Select((_, i) => new GoalProgress(i + 1, i < Midyear.Progress.Count ? Midyear.Progress[i] : 0,
            i < Midyear.Comments.Count && !string.IsNullOrWhiteSpace(Midyear.Comments[i]) ? Midyear.Comments[i]!.Trim() : null)).ToList();
        var check = new MidyearCheck(goals, Progress!.Pace.ConfirmedHours, Progress.Pace.ExpectedHours,
            string.IsNullOrWhiteSpace(Midyear.Concerns) ? null : Midyear.Concerns.Trim(), Midyear.SupportRequested);
        foreach (var error in check.Validate())
        {
            // goals[2].progress is the third goal's radio group on the form.
            var field = error.Field.StartsWith("goals[", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"Midyear.Progress[{error.Field[6..error.Field.IndexOf(']', StringComparison.Ordinal)]}]")
                : "Midyear.Progress";
            ModelState.AddModelError(field, Capitalized(error.Message) + ".");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The store's unique key decides between racing posts: the year hears of one check.
        if (!await submissions.TryAddAsync(Link.PairingId, MidyearStep, CurrentKey, check, Now, PairingYearEvent.MidyearIn(check), cancellationToken))
        {
            return AlreadySubmitted("Already submitted: your midyear check was in before.");
        }

        await RaiseSavedEventsAsync(cancellationToken);
        Confirmation = "Your midyear check is in. Thank you.";
        return RedirectToPage();
    }
}

/// <summary>The midyear form as posted: a progress rating (1–4) and a comment per goal, concerns, and whether support is wanted.</summary>
public sealed class MidyearForm
{
    /// <summary>Progress per goal, 1 (not started) to 4 (met); 0 when not chosen.</summary>
    public List<int> Progress { get; set; } = [];

    /// <summary>A comment per goal.</summary>
    public List<string?> Comments { get; set; } = [];

    /// <summary>Concerns, if any.</summary>
    public string? Concerns { get; set; }

    /// <summary>True when the pair asks the coordinator for support.</summary>
    public bool SupportRequested { get; set; }
}
