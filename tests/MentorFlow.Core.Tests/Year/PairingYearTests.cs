using MentorFlow.Core.Figures;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Settings;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

public sealed class PairingYearTests
{
    private static readonly DateOnly AfterYearEnd = YearHarness.District.YearEnd.AddDays(10);

    [Fact]
    public async Task A_full_year_pairing_that_does_everything_on_time_completes_with_the_right_figures()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair();
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 2, 1), pair.Day);
        var midyear = await year.StatusAsync("pairing-1");
        await year.RunUntilAsync("pairing-1", AfterYearEnd, pair.Day);

        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        var tuesdays = CountDays(new DateOnly(2026, 9, 4), year.Settings.YearEnd.AddDays(1), DayOfWeek.Tuesday); // from the invite to the last day
        Assert.Equal(PairingYearResult.Completed, outcome.Result);
        Assert.Null(outcome.Decision);
        Assert.Equal(tuesdays, outcome.Interactions);
        Assert.Equal(tuesdays, outcome.HoursOutsideContractDay); // one confirmed hour each
        Assert.True(outcome.RequirementMet);
        Assert.Equal(MeetingFrequency.Weekly, outcome.Frequency);
        Assert.Equal(4, outcome.ObservationsByType.Values.Sum());
        Assert.Equal(8, outcome.SubstituteHoursUsed);
        Assert.Equal((5, 4), (outcome.MentorSatisfaction, outcome.MenteeSatisfaction));
        Assert.True(outcome.MenteeRetained);

        Assert.Equal(PairingStage.SecondObservations, midyear.Stage);
        Assert.Empty(midyear.Flags);
        foreach (var kind in new[] { ProgramMessageKind.ActionPlanInvite, ProgramMessageKind.MidyearRequest, ProgramMessageKind.SignOffRequest, ProgramMessageKind.OutcomeNotice })
        {
            Assert.Equal(2, year.Messenger.Count(kind));
        }

        Assert.Equal(1, year.Messenger.Count(ProgramMessageKind.ScheduleRequest, RecipientRole.Mentor));
        var invites = year.Messenger.Sent.Where(m => m.Kind == ProgramMessageKind.MeetingInvite).ToList();
        Assert.Equal([RecipientRole.Mentor, RecipientRole.Mentee], invites.Select(m => m.To.Role).Order());
        Assert.All(invites, m => Assert.Equal(DayOfWeek.Tuesday, m.Invite!.Schedule.Weekday));
        Assert.DoesNotContain(year.Messenger.Sent, m => m.Kind is ProgramMessageKind.ActionPlanReminder or ProgramMessageKind.MeetingNudge
            or ProgramMessageKind.MeetingGapAlert or ProgramMessageKind.ObservationReminder or ProgramMessageKind.DecisionRequest);
    }

    [Fact]
    public async Task A_pair_that_never_signs_the_plan_is_reminded_up_to_the_limit_then_escalated_once_and_the_year_keeps_waiting()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { SignsPlan = false };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 17), pair.Day);
        Assert.Equal(0, year.Messenger.Count(ProgramMessageKind.ActionPlanEscalation));
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 1), pair.Day);

        // Invited 9-01; reminded every 3 days up to the limit (9-04, 9-07, 9-10) each; due 9-15, escalated 3 days later.
        Assert.Equal(DistrictProgramSettings.DefaultReminderLimit, year.Settings.ReminderLimit);
        Assert.Equal(3, year.Messenger.Count(ProgramMessageKind.ActionPlanReminder, RecipientRole.Mentor));
        Assert.Equal(3, year.Messenger.Count(ProgramMessageKind.ActionPlanReminder, RecipientRole.Mentee));
        var escalation = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.ActionPlanEscalation);
        Assert.Equal(RecipientRole.Coordinator, escalation.To.Role);
        Assert.Equal(year.Settings.CoordinatorEmail, escalation.To.Email);
        Assert.Contains("due 2026-09-15", escalation.Body, StringComparison.Ordinal);

        var status = await year.StatusAsync("pairing-1");
        Assert.Equal(PairingStage.Kickoff, status.Stage);
        Assert.Equal("both signatures on the action plan", status.WaitingFor);
        Assert.Equal([RecipientRole.Mentor, RecipientRole.Mentee], status.WaitingOn);
        Assert.Equal(new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc), status.WaitingSince);
        Assert.Contains("overdue", status.Flags);
        Assert.Null(await year.OutcomeAsync("pairing-1"));
    }

    [Fact]
    public async Task A_year_pinned_without_a_reminder_limit_keeps_reminding_until_the_step_is_done()
    {
        // Years started before the limit existed carry settings without it, and replay as they ran.
        using var year = new YearHarness(YearHarness.District with { ReminderLimit = 0 });
        var pair = new ScriptedPair { SignsPlan = false };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 1), pair.Day);

        // Reminded every 3 days, 9-04 … 10-01: 10 times each; escalated once.
        Assert.Equal(10, year.Messenger.Count(ProgramMessageKind.ActionPlanReminder, RecipientRole.Mentor));
        Assert.Equal(10, year.Messenger.Count(ProgramMessageKind.ActionPlanReminder, RecipientRole.Mentee));
        Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.ActionPlanEscalation);
    }

    [Fact]
    public async Task A_pair_short_of_hours_at_sign_off_goes_to_the_coordinator_who_decides_the_outcome()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { MeetingMinutes = 20, CoordinatorDecides = CoordinatorDecision.Incomplete };
        await year.StartAsync(YearHarness.Subject());

        // Sign-off goes out on the last day; they sign two days later, short of hours.
        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd.AddDays(2), pair.Day);
        var waiting = await year.StatusAsync("pairing-1");
        await year.RunUntilAsync("pairing-1", AfterYearEnd, pair.Day);

        Assert.Equal(PairingStage.CoordinatorDecision, waiting.Stage);
        Assert.Equal("the coordinator's decision", waiting.WaitingFor);
        var request = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.DecisionRequest);
        Assert.Equal(RecipientRole.Coordinator, request.To.Role);
        Assert.Equal("decision", request.Step);
        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        Assert.Equal(PairingYearResult.Incomplete, outcome.Result);
        Assert.Equal(CoordinatorDecision.Incomplete, outcome.Decision);
        Assert.False(outcome.RequirementMet);
        Assert.True(outcome.HoursOutsideContractDay < 20);
    }

    [Fact]
    public async Task An_extended_pairing_keeps_meeting_and_signs_off_again_at_its_new_end()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { MeetingMinutes = 20, CoordinatorDecides = CoordinatorDecision.Extended };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd.AddDays(5), pair.Day);
        var extended = await year.StatusAsync("pairing-1");

        Assert.Equal(PairingStage.SecondObservations, extended.Stage);
        // Signed two days after the last day, decided two days after that: 60 more days from then.
        Assert.Equal(year.Settings.YearEnd.AddDays(4 + year.Settings.ExtensionDays), extended.EndsOn);
        Assert.Equal(1, year.Messenger.Count(ProgramMessageKind.SignOffRequest, RecipientRole.Mentor));
        await year.RunUntilAsync("pairing-1", extended.EndsOn.AddDays(1), pair.Day);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.SignOffRequest, RecipientRole.Mentor));
    }

    [Fact]
    public async Task A_half_year_pairing_runs_its_term_and_needs_ten_hours()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { ObservationDays = [new(2026, 10, 14), new(2026, 12, 9)] };
        var subject = YearHarness.Subject(term: PairingTerm.FirstHalf);
        await year.StartAsync(subject);

        await year.RunUntilAsync("pairing-1", year.Settings.FirstHalfEnd.AddDays(5), pair.Day);

        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        Assert.Equal(10, outcome.RequiredHours);
        Assert.Equal(PairingYearResult.Completed, outcome.Result);
        Assert.True(outcome.HoursOutsideContractDay >= 10);
        var signOff = year.Messenger.Sent.First(m => m.Kind == ProgramMessageKind.SignOffRequest);
        Assert.Contains("of 10 required", signOff.Body, StringComparison.Ordinal);
        var midyear = year.Messenger.Sent.First(m => m.Kind == ProgramMessageKind.MidyearRequest);
        Assert.True(midyear.Invite is null);
        Assert.Equal(0, year.Messenger.Count(ProgramMessageKind.ObservationReminder));
    }

    [Fact]
    public async Task A_pairing_separated_in_March_stops_cleanly_and_counts_against_retention()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair();
        await year.StartAsync(YearHarness.Subject());
        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 3, 9), pair.Day);
        var sentBefore = year.Messenger.Sent.Count;

        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 3, 10), (day, news) =>
            pair.Day(day, news).Append(PairingYearEvent.Ended(new Separation(new DateOnly(2027, 3, 10), SeparationReason.MenteeLeftDistrict))));
        await year.RunUntilAsync("pairing-1", AfterYearEnd, pair.Day);

        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        Assert.Equal(PairingYearResult.Separated, outcome.Result);
        Assert.Equal(new DateOnly(2027, 3, 10), outcome.FinishedOn);
        Assert.Equal(SeparationReason.MenteeLeftDistrict, outcome.Separation!.Reason);
        Assert.False(outcome.MenteeRetained);
        var after = year.Messenger.Sent.Skip(sentBefore).ToList();
        Assert.Equal([ProgramMessageKind.SeparationNotice], after.Select(m => m.Kind));
        Assert.Equal(PairingStage.Finished, (await year.StatusAsync("pairing-1")).Stage);
        Assert.Contains("separated", (await year.StatusAsync("pairing-1")).Flags);
    }

    [Fact]
    public async Task A_pair_that_stops_meeting_is_nudged_after_two_weeks_and_the_coordinator_alerted_after_three()
    {
        using var year = new YearHarness();
        var lastMeeting = new DateOnly(2026, 10, 6);
        var pair = new ScriptedPair { MeetsUntil = lastMeeting };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 19), pair.Day);
        Assert.Equal(0, year.Messenger.Count(ProgramMessageKind.MeetingNudge));
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 26), pair.Day);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.MeetingNudge));
        Assert.Equal(0, year.Messenger.Count(ProgramMessageKind.MeetingGapAlert));
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 11, 30), pair.Day);

        // Nudged once and alerted once for this one gap, on the pair's weekly check day.
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.MeetingNudge));
        var alert = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.MeetingGapAlert);
        Assert.Contains("since 2026-10-06", alert.Body, StringComparison.Ordinal);
        var status = await year.StatusAsync("pairing-1");
        Assert.Contains("no-meetings", status.Flags);
        Assert.Equal(lastMeeting, status.LastMeeting);
        Assert.True(status.WeeksWithoutMeeting >= year.Settings.AlertAfterWeeks);
    }

    [Fact]
    public async Task A_pair_behind_pace_at_midyear_gets_prefilled_figures_and_is_flagged_at_risk_to_the_coordinator()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { MeetingMinutes = 20 };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 2, 1), pair.Day);

        var request = year.Messenger.Sent.First(m => m.Kind == ProgramMessageKind.MidyearRequest);
        Assert.Contains("confirmed hours outside the contract day; pace expects", request.Body, StringComparison.Ordinal);
        var alert = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.AtRiskAlert);
        Assert.Equal(RecipientRole.Coordinator, alert.To.Role);
        var status = await year.StatusAsync("pairing-1");
        Assert.Contains("at-risk", status.Flags);
        Assert.False(status.Pace.OnPace);
    }

    [Fact]
    public async Task An_at_risk_flag_clears_when_the_year_is_finished()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { MeetingMinutes = 20, CoordinatorDecides = CoordinatorDecision.Incomplete };
        await year.StartAsync(YearHarness.Subject());
        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 2, 1), pair.Day);
        Assert.Contains("at-risk", (await year.StatusAsync("pairing-1")).Flags);

        await year.RunUntilAsync("pairing-1", AfterYearEnd, pair.Day);

        var status = await year.StatusAsync("pairing-1");
        Assert.Equal(PairingStage.Finished, status.Stage);
        Assert.DoesNotContain("at-risk", status.Flags);
    }

    [Fact]
    public async Task Missing_observations_are_reminded_before_the_term_ends()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { ObservationDays = [new(2026, 10, 14)] };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", year.Settings.FirstHalfEnd, pair.Day);

        var reminder = year.Messenger.Sent.First(m => m.Kind == ProgramMessageKind.ObservationReminder);
        Assert.Contains("1 of 2 observation cycles", reminder.Body, StringComparison.Ordinal);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.ObservationReminder));
        Assert.Equal(1, (await year.StatusAsync("pairing-1")).ObservationsByType.Values.Sum());
    }

    private static int CountDays(DateOnly from, DateOnly to, DayOfWeek weekday) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber).Select(from.AddDays).Count(d => d.DayOfWeek == weekday);
}
