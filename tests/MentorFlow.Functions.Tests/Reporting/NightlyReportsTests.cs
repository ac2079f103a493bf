using MentorFlow.Functions.Reporting;

namespace MentorFlow.Functions.Tests.Reporting;

public sealed class NightlyReportsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-11-25T06:00:00Z", "2026-11-25T07:00:00Z")] // 01:00 EST: tonight at 02:00 EST
    [InlineData("2026-11-25T07:00:01Z", "2026-11-26T07:00:00Z")] // just after: tomorrow
    [InlineData("2027-07-01T05:30:00Z", "2027-07-01T06:00:00Z")] // summer: 02:00 EDT is 06:00 UTC
    public void The_default_schedule_runs_at_two_in_the_morning_district_time(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            NightlyReports.NextRun("0 2 * * *", NewYork, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
