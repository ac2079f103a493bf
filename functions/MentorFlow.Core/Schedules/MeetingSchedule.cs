using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Schedules;

/// <summary>The pair's regular meeting, filled in after the action plan is signed.</summary>
/// <param name="Weekday">The regular weekday.</param>
/// <param name="StartTime">Start time, district local time.</param>
/// <param name="Minutes">Length in minutes.</param>
/// <param name="Place">Where they meet, when in person.</param>
/// <param name="VideoLink">The video link, when virtual.</param>
/// <param name="PlannedDates">Dates already planned (may be empty: the weekly rule applies).</param>
public sealed record MeetingSchedule(
    DayOfWeek Weekday,
    TimeOnly StartTime,
    int Minutes,
    string? Place,
    Uri? VideoLink,
    IReadOnlyList<DateOnly> PlannedDates)
{
    /// <summary>Rule violations; empty when the schedule can be sent as invites.</summary>
    public IReadOnlyList<RuleViolation> Validate(DateOnly from, DateOnly to) => new RuleCheck()
        .Require(Weekday is not (DayOfWeek.Saturday or DayOfWeek.Sunday), "weekday", "choose a school day")
        .Require(Minutes is >= 10 and <= 240, "minutes", "a meeting lasts 10 to 240 minutes")
        .Require(!string.IsNullOrWhiteSpace(Place) || VideoLink is not null, "place", "give a place or a video link")
        .Require(VideoLink is null || (VideoLink.IsAbsoluteUri && VideoLink.Scheme == Uri.UriSchemeHttps), "videoLink", "the video link must start with https://")
        .Require(PlannedDates.All(d => d >= from && d <= to), "plannedDates", $"planned dates must fall between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}")
        .Violations;
}
