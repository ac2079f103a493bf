using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Clock;

public sealed class VirtualClockTests
{
    [Fact]
    public async Task On_a_virtual_clock_staff_move_time_and_the_year_follows()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        using var created = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString();
        await app.RunEngineAsync();

        using var advanced = await hr.PostAsJsonAsync("/api/clock/advance", new { days = 3, hours = 5 });
        using var backwards = await hr.PostAsJsonAsync("/api/clock/advance", new { days = -1 });
        await app.RunEngineAsync();

        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 9, 4, 13, 0, 0, TimeSpan.Zero), (await RunningApp.JsonAsync(advanced)).GetProperty("now").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        // Three days on, the pair that has not signed gets the first reminder.
        Assert.Equal(2, Directory.GetFiles(app.Outbox, $"{id}_ActionPlanReminder_*.eml").Length);
    }

    [Fact]
    public async Task On_the_system_clock_there_is_no_way_to_move_time()
    {
        await using var app = await RunningApp.StartAsync("--MentorFlow:Clock:Start", "");
        using var staff = app.Client(StaffRole.Coordinator);

        using var clock = await staff.GetAsync("/api/clock");
        using var advance = await staff.PostAsJsonAsync("/api/clock/advance", new { days = 1 });

        Assert.False((await RunningApp.JsonAsync(clock)).GetProperty("virtual").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, advance.StatusCode);
    }
}
