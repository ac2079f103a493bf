using System.Globalization;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the schedule step shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was typed, after an error).</param>
/// <param name="Errors">What is wrong, beside each field.</param>
/// <param name="Submitted">The schedule submitted, once it was.</param>
/// <param name="Open">True while the schedule is waited for.</param>
/// <param name="ForMentor">True when the link is the mentor's, who fills it in.</param>
public sealed record ScheduleStepView(StepHeading Heading, string? FormToken, ScheduleForm Form, FieldErrors Errors, MeetingSchedule? Submitted, bool Open, bool ForMentor);

/// <summary>The schedule step: the mentor fills in the regular meeting, and both get a calendar invite.</summary>
public sealed partial class StepFormPage
{
    /// <summary>The step of the meeting schedule.</summary>
    public const string ScheduleStep = "schedule";

    private const string AlreadyScheduled = "Already submitted: your schedule was saved before, and the invites went out once.";

    private static bool ScheduleOpen(StepVisit visit) => visit.In(PairingStage.ScheduleFillIn);

    private async Task<IResult> ShowScheduleAsync(StepVisit visit, ScheduleForm? form, CancellationToken cancellationToken)
    {
        var submitted = form is null ? await submissions.FindAsync<MeetingSchedule>(visit.Link.PairingId, ScheduleStep, CurrentKey, cancellationToken) : null;
        // A first visit starts from what the pair wrote in their action plan.
        form ??= ScheduleFromPlan.Form(submitted is null ? await plans.FindAsync(visit.Link.PairingId, cancellationToken) : null);
        return await RenderAsync<ScheduleStepForm, ScheduleStepView>(visit,
            new ScheduleStepView(visit.Heading, visit.FormToken, form, visit.Errors, submitted, ScheduleOpen(visit), visit.ForMentor));
    }

    private async Task<IResult> PostScheduleAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        if (await submissions.FindAsync<MeetingSchedule>(visit.Link.PairingId, ScheduleStep, CurrentKey, cancellationToken) is not null)
        {
            visit.AlreadySubmitted(AlreadyScheduled);
            return await ShowScheduleAsync(visit, form: null, cancellationToken);
        }

        if (!ScheduleOpen(visit))
        {
            return await ShowScheduleAsync(visit, form: null, cancellationToken);
        }

        var blank = new ScheduleForm();
        var form = new ScheduleForm
        {
            Weekday = posted.Choice("Schedule.Weekday", blank.Weekday, "Choose a weekday from the list."),
            StartTime = posted.Text("Schedule.StartTime", blank.StartTime),
            Minutes = posted.Text("Schedule.Minutes", blank.Minutes),
            Place = posted.Text("Schedule.Place", blank.Place),
            VideoLink = posted.Text("Schedule.VideoLink", blank.VideoLink),
        };
        var errors = visit.Errors;
        var start = TimeOnly.TryParseExact(form.StartTime?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : (TimeOnly?)null;
        var minutes = int.TryParse(form.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        var link = Uri.TryCreate(form.VideoLink?.Trim(), UriKind.Absolute, out var uri) ? uri : null;
        if (start is null)
        {
            errors.Add("Schedule.StartTime", "Give the start time as hours and minutes, e.g. 15:30.");
        }

        if (minutes is null)
        {
            errors.Add("Schedule.Minutes", "Give the length in whole minutes, e.g. 45.");
        }

        if (!string.IsNullOrWhiteSpace(form.VideoLink) && link is null)
        {
            errors.Add("Schedule.VideoLink", "The video link must be a whole address starting with https://.");
        }

        var schedule = new MeetingSchedule(form.Weekday, start ?? default, minutes ?? 0,
            string.IsNullOrWhiteSpace(form.Place) ? null : form.Place.Trim(), link, []);
        ShowRuleErrors(errors, "Schedule", schedule.Validate(Today, visit.Progress!.EndsOn));

        if (!errors.IsEmpty)
        {
            return await ShowScheduleAsync(visit, form, cancellationToken);
        }

        // The store's unique key decides between racing posts: one schedule, one invite.
        if (!await submissions.TryAddAsync(visit.Link.PairingId, ScheduleStep, CurrentKey, schedule, Now, PairingYearEvent.ScheduleIn(schedule), cancellationToken))
        {
            visit.AlreadySubmitted(AlreadyScheduled);
            return await ShowScheduleAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, "Your schedule is saved. You and your mentee will each get a calendar invite by email.");
    }
}

/// <summary>The schedule form as posted (text, so a mistyped time gets its own message).</summary>
public sealed class ScheduleForm
{
    /// <summary>The regular weekday.</summary>
    public DayOfWeek Weekday { get; set; } = DayOfWeek.Tuesday;

    /// <summary>The start time, e.g. 15:30.</summary>
    public string? StartTime { get; set; }

    /// <summary>The length in minutes.</summary>
    public string? Minutes { get; set; } = "45";

    /// <summary>Where, when in person.</summary>
    public string? Place { get; set; }

    /// <summary>The video link, when virtual.</summary>
    public string? VideoLink { get; set; }
}
