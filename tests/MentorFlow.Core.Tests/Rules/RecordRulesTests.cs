using MentorFlow.Core.Logs;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.SignOffs;

namespace MentorFlow.Core.Tests.Rules;

public sealed class RecordRulesTests
{
    private static readonly DateOnly Start = new(2026, 9, 1);
    private static readonly DateOnly Today = new(2026, 10, 15);

    [Fact]
    public void A_log_in_the_future_with_no_activity_names_each_field()
    {
        var log = new CollaborationLog("log-1", Today.AddDays(1), 0, false, true, []);

        Assert.Equal(["date", "minutes", "activities"], log.Validate(Start, Today).Select(v => v.Field));
    }

    [Fact]
    public void The_interaction_a_log_becomes_carries_no_private_notes()
    {
        var log = new CollaborationLog("log-1", Today, 45, true, true, [CollaborationActivity.DataAnalysis], PrivateNotes: "worried about parent meeting");

        var interaction = log.ToInteraction();

        Assert.DoesNotContain("worried", System.Text.Json.JsonSerializer.Serialize(interaction), StringComparison.Ordinal);
        Assert.Equal((45, true), (interaction.Minutes, interaction.Virtual));
    }

    [Fact]
    public void An_observation_cycle_out_of_order_or_over_the_substitute_allowance_is_refused()
    {
        var cycle = new ObservationCycle("c-1", ObservationType.MentorObservesMentee, Today, Today.AddDays(-1), Today, "Questioning", 6);

        var violations = cycle.Validate(Start, Today, substituteHoursLeft: 4);

        Assert.Contains(violations, v => v.Field == "observedOn");
        Assert.Contains(violations, v => v.Field == "substituteHours" && v.Message.Contains("only 4 substitute hour(s) are left", StringComparison.Ordinal));
    }

    [Fact]
    public void A_schedule_needs_a_school_day_a_place_or_https_link_and_a_sensible_length()
    {
        var schedule = new MeetingSchedule(DayOfWeek.Sunday, new TimeOnly(15, 0), 5, null, new Uri("http://meet.example/x"), []);

        Assert.Equal(["weekday", "minutes", "videoLink"], schedule.Validate(Start, new DateOnly(2027, 6, 15)).Select(v => v.Field));
    }

    [Fact]
    public void Midyear_progress_sign_off_and_separation_rules_name_their_fields()
    {
        Assert.Equal(["goals[0].progress"], new MidyearCheck([new GoalProgress(1, 7)], 5, 8, null, false).Validate().Select(v => v.Field));
        Assert.Equal(["hoursConfirmed", "satisfaction"], new SignOff(12, false, 0, "Maya").Validate().Select(v => v.Field));
        Assert.Equal(["note"], new Separation(Today, SeparationReason.Other).Validate(Start).Select(v => v.Field));
        Assert.True(new Separation(Today, SeparationReason.MenteeLeftDistrict).MenteeNotRetained);
    }
}
