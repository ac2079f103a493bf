using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Clock;

public sealed class KeptVirtualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_request_moves_the_clock_at_most_400_days_in_days_and_hours_together()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();

        using var tooFar = await hr.PostAsJsonAsync("/api/clock/advance", new { days = 400, hours = 9600 });
        using var clock = await hr.GetAsync("/api/clock");

        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Equal("application/problem+json", tooFar.Content.Headers.ContentType?.MediaType);
        var errors = (await RunningApp.JsonAsync(tooFar)).GetProperty("errors");
        Assert.Contains("at most 400 days", errors.GetProperty("days")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("at most 400 days", errors.GetProperty("hours")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(Start, (await RunningApp.JsonAsync(clock)).GetProperty("now").GetDateTimeOffset());

        using var limit = await hr.PostAsJsonAsync("/api/clock/advance", new { days = 399, hours = 24 });
        Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        Assert.Equal(Start.AddDays(400), (await RunningApp.JsonAsync(limit)).GetProperty("now").GetDateTimeOffset());
    }

    [Fact]
    public async Task After_a_restart_on_the_same_folder_the_clock_is_where_it_was_moved_to()
    {
        var app = await RunningApp.StartAsync();
        try
        {
            using (var hr = app.Client())
            {
                (await hr.PostAsJsonAsync("/api/clock/advance", new { days = 30, hours = 2 })).EnsureSuccessStatusCode();
            }

            // The same configuration as the first start: its start time is only where the first start began.
            app = await app.RestartAsync();

            using var staff = app.Client();
            using var clock = await staff.GetAsync("/api/clock");
            Assert.Equal(Start.AddDays(30).AddHours(2), (await RunningApp.JsonAsync(clock)).GetProperty("now").GetDateTimeOffset());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
