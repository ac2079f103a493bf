using MentorFlow.Core.Messaging;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

public sealed class UnsignedPlanTests
{
    [Fact]
    public async Task A_pair_that_never_signed_its_plan_is_not_asked_to_sign_off_and_the_coordinator_decides_the_year()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { SignsPlan = false, CoordinatorDecides = CoordinatorDecision.Incomplete };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd, pair.Day);
        var atTheEnd = await year.StatusAsync("pairing-1");
        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd.AddDays(3), pair.Day);

        Assert.Equal(PairingStage.CoordinatorDecision, atTheEnd.Stage);
        Assert.Equal([RecipientRole.Coordinator], atTheEnd.WaitingOn);
        Assert.Equal(0, year.Messenger.Count(ProgramMessageKind.SignOffRequest));
        var request = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.DecisionRequest);
        Assert.Contains("never signed", request.Body, StringComparison.Ordinal);
        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        Assert.Equal(PairingYearResult.Incomplete, outcome.Result);
        Assert.Null(outcome.MentorSatisfaction);
        Assert.Null(outcome.MenteeSatisfaction);
    }

    [Fact]
    public async Task The_coordinator_closes_a_pair_whose_plan_is_overdue_and_never_signed()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { SignsPlan = false };
        await year.StartAsync(YearHarness.Subject());
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 10), pair.Day);

        // Before the plan's due date (9-15) a close is not taken: the pair still has time.
        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName, PairingYearEvent.Decided(CoordinatorDecision.Incomplete));
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 11), pair.Day);
        Assert.Equal(PairingStage.Kickoff, (await year.StatusAsync("pairing-1")).Stage);

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 20), pair.Day);
        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName, PairingYearEvent.Decided(CoordinatorDecision.Incomplete));
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 21), pair.Day);

        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        Assert.Equal(PairingYearResult.Incomplete, outcome.Result);
        Assert.Equal(new DateOnly(2026, 9, 21), outcome.FinishedOn);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.OutcomeNotice));
    }

    [Fact]
    public async Task Extending_a_pair_that_never_signed_its_plan_asks_for_the_plan_again()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair { SignsPlan = false, CoordinatorDecides = CoordinatorDecision.Extended };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd.AddDays(3), pair.Day);

        var status = await year.StatusAsync("pairing-1");
        Assert.Equal(PairingStage.Kickoff, status.Stage);
        Assert.Equal([RecipientRole.Mentor, RecipientRole.Mentee], status.WaitingOn);
        Assert.Equal(4, year.Messenger.Count(ProgramMessageKind.ActionPlanInvite)); // at the start and again after the extension
    }

    [Fact]
    public async Task A_year_pinned_under_the_first_rules_still_asks_an_unsigned_pair_to_sign_off()
    {
        using var year = new YearHarness(YearHarness.District with { YearRules = 0 });
        var pair = new ScriptedPair { SignsPlan = false };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd, pair.Day);

        Assert.Equal(PairingStage.SignOff, (await year.StatusAsync("pairing-1")).Stage);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.SignOffRequest));
    }
}
