using MentorFlow.Functions.Health;

namespace MentorFlow.Functions.Tests.Health;

public sealed class BackOffTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void After_failures_a_loop_waits_twice_as_long_each_time_up_to_ten_minutes_and_after_a_run_that_worked_its_period_again()
    {
        var waits = new List<TimeSpan>();
        var wait = Minute;
        for (var failure = 0; failure < 6; failure++)
        {
            wait = BackOff.Next(worked: false, wait, Minute);
            waits.Add(wait);
        }

        Assert.Equal([2, 4, 8, 10, 10, 10], waits.Select(w => w.TotalMinutes));
        Assert.Equal(Minute, BackOff.Next(worked: true, wait, Minute));
    }
}
