using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

public sealed class PairNoticesTests
{
    [Fact]
    public async Task The_mentee_is_told_once_the_mentor_has_written_and_signed_the_plan()
    {
        using var year = new YearHarness();
        await year.StartAsync(YearHarness.Subject());
        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName, PairingYearEvent.PlanSigned(RecipientRole.Mentor));
        await year.Worker.ProcessAllDueAsync();

        var notice = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.PlanReadyToSign);
        Assert.Equal(RecipientRole.Mentee, notice.To.Role);
        Assert.Equal("action-plan", notice.Step);
        Assert.Contains("Due by Tuesday 15 September 2026", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_ends_with_a_summary_both_keep_of_hours_meetings_observations_and_outcome()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair();
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd.AddDays(5), pair.Day);

        var outcome = await year.OutcomeAsync("pairing-1");
        Assert.NotNull(outcome);
        var summaries = year.Messenger.Sent.Where(m => m.Kind == ProgramMessageKind.OutcomeNotice).ToList();
        Assert.Equal([RecipientRole.Mentor, RecipientRole.Mentee], summaries.Select(m => m.To.Role));
        Assert.All(summaries, m =>
        {
            Assert.Contains($"{outcome.HoursOutsideContractDay:0.##} confirmed hours outside the contract day of 20 required", m.Body, StringComparison.Ordinal);
            Assert.Contains($"{outcome.Interactions} meetings and conversations logged", m.Body, StringComparison.Ordinal);
            Assert.Contains("4 observation cycles", m.Body, StringComparison.Ordinal);
            Assert.Contains("Outcome: Completed the program year.", m.Body, StringComparison.Ordinal);
        });
    }
}
