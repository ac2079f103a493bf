using System.Globalization;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.Year;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>The schedule step: the mentor fills in the regular meeting, and both get a calendar invite.</summary>
public sealed partial class OpenModel
{
    /// <summary>The step of the meeting schedule.</summary>
    public const string ScheduleStep = "schedule";

    private const string CurrentKey = "current";

    /// <summary>What the schedule form holds.</summary>
    public ScheduleForm Schedule { get; set; } = new();

    /// <summary>The schedule submitted, once it was.</summary>
    public MeetingSchedule? SubmittedSchedule { get; private set; }

    /// <summary>True while the schedule is waited for.</summary>
    public bool ScheduleOpen => Progress?.Stage == PairingStage.ScheduleFillIn;

    private async Task<IActionResult?> PostScheduleAsync(CancellationToken cancellationToken)
    {
        SubmittedSchedule = await submissions.FindAsync<MeetingSchedule>(Link!.PairingId, ScheduleStep, CurrentKey, cancellationToken);
        if (SubmittedSchedule is not null)
        {
            return AlreadySubmitted("Already submitted: your schedule was saved before, and the invites went out once.");
        }

        if (!ScheduleOpen)
        {
            return null;
        }

        await TryUpdateModelAsync(Schedule, nameof(Schedule));
        var start = TimeOnly.TryParseExact(Schedule.StartTime?.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : (TimeOnly?)null;
        var minutes = int.TryParse(Schedule.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        var link = Uri.TryCreate(Schedule.VideoLink?.Trim(), UriKind.Absolute, out var uri) ? uri : null;
        if (start is null)
        {
            ModelState.AddModelError("Schedule.StartTime", "Give the start time as hours and minutes, e.g. 15:30.");
        }

        if (minutes is null)
        {
            ModelState.AddModelError("Schedule.Minutes", "Give the length in whole minutes, e.g. 45.");
        }

        if (!string.IsNullOrWhiteSpace(Schedule.VideoLink) && link is null)
        {
            ModelState.AddModelError("Schedule.VideoLink", "The video link must be a whole address starting with https://.");
        }

        var schedule = new MeetingSchedule(Schedule.Weekday, start ?? default, minutes ?? 0,
            string.IsNullOrWhiteSpace(Schedule.Place) ? null : Schedule.Place.Trim(), link, []);
        ShowRuleErrors(nameof(Schedule), schedule.Validate(Today, Progress!.EndsOn));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The store's unique key decides between racing posts: one schedule, one invite.
        if (!await submissions.TryAddAsync(Link.PairingId, ScheduleStep, CurrentKey, schedule, Now, PairingYearEvent.ScheduleIn(schedule), cancellationToken))
        {
            return AlreadySubmitted("Already submitted: your schedule was saved before, and the invites went out once.");
        }

        await RaiseSavedEventsAsync(cancellationToken);
        Confirmation = "Your schedule is saved. You and your mentee will each get a calendar invite by email.";
        return RedirectToPage();
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
