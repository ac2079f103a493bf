using System.Globalization;
using System.Text.RegularExpressions;
using MentorFlow.Core.ActionPlans;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// The schedule form as the action plan left it: the weekday and time the pair wrote as their regular meeting time
/// ("Tuesdays, 3:30 pm", "Thu 15:30") and their meeting place (or video link), so the mentor confirms rather than retypes.
/// </summary>
public static partial class ScheduleFromPlan
{
    /// <summary>A new schedule form filled in from <paramref name="plan"/>; what cannot be read from it stays as the blank form has it.</summary>
    public static ScheduleForm Form(ActionPlan? plan)
    {
        var form = new ScheduleForm();
        if (plan is null)
        {
            return form;
        }

        var time = plan.MeetingTime;
        if (Weekdays().Match(time) is { Success: true } day)
        {
            form.Weekday = Enum.GetValues<DayOfWeek>().First(d => d.ToString().StartsWith(day.Groups[1].Value, StringComparison.OrdinalIgnoreCase));
        }

        // The first number that reads as a time of day: with minutes (15:30) or with am/pm (3 pm); "Room 12" is not one.
        foreach (Match at in ClockTime().Matches(time))
        {
            var half = at.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
            if (!at.Groups["m"].Success && half.Length == 0)
            {
                continue;
            }

            var hour = int.Parse(at.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = at.Groups["m"].Success ? int.Parse(at.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            hour = half switch { "PM" when hour < 12 => hour + 12, "AM" when hour == 12 => 0, _ => hour };
            form.StartTime = new TimeOnly(hour, minute).ToString("HH:mm", CultureInfo.InvariantCulture);
            break;
        }

        var place = plan.MeetingPlace.Trim();
        if (Uri.TryCreate(place, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
        {
            form.VideoLink = link.ToString();
        }
        else if (!string.IsNullOrEmpty(place))
        {
            form.Place = place;
        }

        return form;
    }

    [GeneratedRegex(@"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekdays();

    [GeneratedRegex(@"\b(?<h>[01]?\d|2[0-3])(?:[:.](?<m>[0-5]\d))?\s*(?<ampm>[ap]\.?m\.?)?(?![\d])", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();
}
