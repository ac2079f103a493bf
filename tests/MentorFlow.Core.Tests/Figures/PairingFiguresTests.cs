using MentorFlow.Core.Figures;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Observations;

namespace MentorFlow.Core.Tests.Figures;

public sealed class PairingFiguresTests
{
    private static readonly DateOnly Start = new(2026, 9, 1);

    private static LoggedInteraction Log(int day, int minutes, bool outside = true, TimeConfirmation confirmation = TimeConfirmation.Confirmed) =>
        new($"log-{day}-{minutes}", Start.AddDays(day), minutes, false, outside, [CollaborationActivity.RegularMeeting], confirmation);

    [Fact]
    public void Only_confirmed_time_counts_and_only_outside_the_contract_day_toward_the_requirement()
    {
        LoggedInteraction[] logs = [Log(1, 60), Log(8, 30, outside: false), Log(15, 90, confirmation: TimeConfirmation.Pending), Log(22, 45, confirmation: TimeConfirmation.Disputed)];

        Assert.Equal(1.5m, PairingFigures.ConfirmedHours(logs));
        Assert.Equal(1m, PairingFigures.HoursOutsideContractDay(logs));
        Assert.Equal(1.5m, PairingFigures.PendingHoursOutsideContractDay(logs));
    }

    [Fact]
    public void Pace_expects_an_even_share_of_the_requirement_by_each_date()
    {
        var end = Start.AddDays(100);
        LoggedInteraction[] logs = [Log(5, 300), Log(60, 300)];

        var atHalf = PairingFigures.Pace(logs, 20, Start, end, Start.AddDays(50));

        Assert.Equal(10m, atHalf.ExpectedHours);
        Assert.Equal(5m, atHalf.ConfirmedHours); // the day-60 log is after the date
        Assert.Equal(0.5m, atHalf.ShareOfPace);
        Assert.False(atHalf.OnPace);
        Assert.True(PairingFigures.Pace(logs, 10, Start, end, end).RequirementMet);
        Assert.Equal(1m, PairingFigures.Pace([], 20, Start, end, Start).ShareOfPace);
    }

    [Theory]
    [InlineData(7, MeetingFrequency.Weekly)]
    [InlineData(14, MeetingFrequency.EveryTwoWeeks)]
    [InlineData(28, MeetingFrequency.Monthly)]
    [InlineData(56, MeetingFrequency.Less)]
    public void Meeting_frequency_is_grouped_by_days_met_per_week(int everyDays, MeetingFrequency expected)
    {
        var logs = Enumerable.Range(0, 20).Select(i => Log(i * everyDays, 30)).ToList();

        Assert.Equal(expected, PairingFigures.Frequency(logs, Start, Start.AddDays((20 * everyDays) - 1)));
    }

    [Fact]
    public void Weeks_without_a_meeting_count_from_the_last_one_or_from_the_start()
    {
        LoggedInteraction[] logs = [Log(3, 30), Log(10, 30)];

        Assert.Equal(2, PairingFigures.WeeksWithoutMeeting(logs, Start, Start.AddDays(10 + 20)));
        Assert.Equal(3, PairingFigures.WeeksWithoutMeeting([], Start, Start.AddDays(21)));
        Assert.Equal(Start.AddDays(10), PairingFigures.LastMeeting(logs, Start.AddDays(40)));
    }

    [Fact]
    public void Observations_are_counted_by_type_with_every_type_present()
    {
        ObservationCycle Cycle(ObservationType type) => new("c", type, Start, Start, Start, "f", 1.5m);

        var counts = PairingFigures.ObservationsByType([Cycle(ObservationType.MentorObservesMentee), Cycle(ObservationType.MentorObservesMentee), Cycle(ObservationType.JointObservation)]);

        Assert.Equal(2, counts[ObservationType.MentorObservesMentee]);
        Assert.Equal(0, counts[ObservationType.MenteeObservesMentor]);
        Assert.Equal(1, counts[ObservationType.JointObservation]);
        Assert.Equal(3m, PairingFigures.SubstituteHoursUsed([Cycle(ObservationType.JointObservation), Cycle(ObservationType.JointObservation)]));
    }
}
