using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MentorFlow.Core.Messaging;

/// <summary>Renders the regular meeting as an iCalendar (.ics) weekly series that calendar apps accept.</summary>
public static class MeetingInviteCalendar
{
    /// <summary>The attachment's content type.</summary>
    public const string ContentType = "text/calendar; method=REQUEST; charset=utf-8";

    /// <summary>The .ics text for <paramref name="invite"/>; <paramref name="uid"/> keeps updates to one series.</summary>
    public static string ToIcs(MeetingInviteDetails invite, string uid, string timeZoneId = "America/New_York")
    {
        ArgumentNullException.ThrowIfNull(invite);
        var schedule = invite.Schedule;
        var first = invite.FirstDay;
        while (first.DayOfWeek != schedule.Weekday)
        {
            first = first.AddDays(1);
        }

        var start = new CalDateTime(first.ToDateTime(schedule.StartTime), timeZoneId);
        var meeting = new CalendarEvent
        {
            Uid = uid,
            // Both names, so a mentor of two mentees tells the series apart in the calendar.
            Summary = $"Mentoring meeting: {string.Join(" and ", invite.Attendees.Select(a => a.Name))}",
            Description = "Your regular mentoring meeting, as your schedule says. Log each meeting with your standing link.",
            Location = schedule.VideoLink?.ToString() ?? schedule.Place,
            DtStart = start,
            DtEnd = new CalDateTime(first.ToDateTime(schedule.StartTime).AddMinutes(schedule.Minutes), timeZoneId),
            Organizer = new Organizer($"mailto:{invite.Organizer.Email}") { CommonName = invite.Organizer.Name },
        };
        meeting.RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1)
        {
            // iCalendar wants UNTIL in UTC; the day after the last one at 04:00 UTC still covers it in every US zone.
            Until = new CalDateTime(invite.LastDay.AddDays(1).ToDateTime(new TimeOnly(4, 0)), "UTC"),
        };
        foreach (var attendee in invite.Attendees)
        {
            meeting.Attendees.Add(new Attendee($"mailto:{attendee.Email}") { CommonName = attendee.Name, Rsvp = true });
        }

        var calendar = new Calendar { Method = "REQUEST" };
        calendar.AddTimeZone(timeZoneId);
        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar could not be written.");
    }
}
