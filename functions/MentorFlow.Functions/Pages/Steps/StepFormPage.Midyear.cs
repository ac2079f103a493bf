using System.Globalization;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the midyear step shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was chosen, after an error).</param>
/// <param name="Errors">What is wrong, beside each goal.</param>
/// <param name="PlanGoals">The goals of the signed plan, numbered from 1.</param>
/// <param name="Submitted">The check submitted, once it was.</param>
/// <param name="Open">True while the midyear check is waited for.</param>
/// <param name="ForMentor">True when the link is the mentor's, who fills it in.</param>
/// <param name="Progress">Where the year stands, for the hours pre-filled.</param>
public sealed record MidyearStepView(
    StepHeading Heading, string? FormToken, MidyearForm Form, FieldErrors Errors, IReadOnlyList<string> PlanGoals, MidyearCheck? Submitted, bool Open, bool ForMentor,
    PairingYearStatus? Progress);

/// <summary>The midyear check: the mentor rates progress on each goal of the plan, with the hours pre-filled.</summary>
public sealed partial class StepFormPage
{
    /// <summary>The step of the midyear check.</summary>
    public const string MidyearStep = "midyear";

    /// <summary>The kind the mentee's own word at midyear is kept under.</summary>
    public const string MenteeMidyearKind = "midyear-mentee";

    private const string MidyearAlreadyIn = "Already submitted: your midyear check was in before.";

    private async Task<(MidyearCheck? Submitted, IReadOnlyList<string> Goals)> MidyearAsync(StepVisit visit, CancellationToken cancellationToken)
    {
        var submitted = await submissions.FindAsync<MidyearCheck>(visit.Link.PairingId, MidyearStep, CurrentKey, cancellationToken);
        List<string> goals = [.. ((await plans.FindAsync(visit.Link.PairingId, cancellationToken))?.Goals ?? []).Select(g => g.Goal)];
        return (submitted, goals);
    }

    private static bool MidyearOpen(StepVisit visit, MidyearCheck? submitted) => visit.In(PairingStage.MidyearCheck) && submitted is null;

    private async Task<IResult> ShowMidyearAsync(StepVisit visit, MidyearForm? form, CancellationToken cancellationToken)
    {
        if (!visit.ForMentor)
        {
            return await ShowMenteeMidyearAsync(visit, form: null, cancellationToken);
        }

        var (submitted, goals) = await MidyearAsync(visit, cancellationToken);
        if (form is null || form.Progress.Count != goals.Count)
        {
            form = new MidyearForm { Progress = [.. goals.Select(_ => 0)], Comments = [.. goals.Select(_ => (string?)null)] };
        }

        return await RenderAsync<MidyearStepForm, MidyearStepView>(visit,
            new MidyearStepView(visit.Heading, visit.FormToken, form, visit.Errors, goals, submitted, MidyearOpen(visit, submitted), visit.ForMentor, visit.Progress));
    }

    private async Task<IResult> PostMidyearAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        if (!visit.ForMentor)
        {
            return await PostMenteeMidyearAsync(visit, posted, cancellationToken);
        }

        var (submitted, goals) = await MidyearAsync(visit, cancellationToken);
        if (submitted is not null)
        {
            visit.AlreadySubmitted(MidyearAlreadyIn);
            return await ShowMidyearAsync(visit, form: null, cancellationToken);
        }

        if (!MidyearOpen(visit, submitted))
        {
            return await ShowMidyearAsync(visit, form: null, cancellationToken);
        }

        // Read per goal: a goal left unrated must not cut off the ratings after it.
        var form = new MidyearForm
        {
            Progress = [.. goals.Select((_, i) => int.TryParse(posted.Text(Field("Progress", i)), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0)],
            Comments = [.. goals.Select((_, i) => posted.Text(Field("Comments", i)))],
            Concerns = posted.Text("Midyear.Concerns"),
            SupportRequested = posted.All("Midyear.SupportRequested").Contains("true"),
        };
        var ratings = goals.Select((_, i) => new GoalProgress(i + 1, form.Progress[i],
            string.IsNullOrWhiteSpace(form.Comments[i]) ? null : form.Comments[i]!.Trim())).ToList();
        var check = new MidyearCheck(ratings, visit.Progress!.Pace.ConfirmedHours, visit.Progress.Pace.ExpectedHours,
            string.IsNullOrWhiteSpace(form.Concerns) ? null : form.Concerns.Trim(), form.SupportRequested);
        foreach (var error in check.Validate())
        {
            // goals[2].progress is the third goal's radio group on the form.
            var field = error.Field.StartsWith("goals[", StringComparison.Ordinal)
                ? $"Midyear.Progress[{error.Field[6..error.Field.IndexOf(']', StringComparison.Ordinal)]}]"
                : "Midyear.Progress";
            visit.Errors.Add(field, Capitalized(error.Message) + ".");
        }

        if (!visit.Errors.IsEmpty)
        {
            return await ShowMidyearAsync(visit, form, cancellationToken);
        }

        // The store's unique key decides between racing posts: the year hears of one check.
        if (!await submissions.TryAddAsync(visit.Link.PairingId, MidyearStep, CurrentKey, check, Now, PairingYearEvent.MidyearIn(check), cancellationToken))
        {
            visit.AlreadySubmitted(MidyearAlreadyIn);
            return await ShowMidyearAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        // What happens next, and for whom: the coordinator hears of a concern or a request for support.
        var told = check.SupportRequested || !string.IsNullOrWhiteSpace(check.Concerns)
            ? " Your coordinator is told of your concern or request for support and will get in touch."
            : "";
        return Saved(visit, $"Your midyear check is in.{told} Next: keep meeting and logging your time with {visit.PartnerName}; you will both be asked to sign off at the end of the year.");
    }

    private static string Field(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"Midyear.{list}[{index}]");
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
