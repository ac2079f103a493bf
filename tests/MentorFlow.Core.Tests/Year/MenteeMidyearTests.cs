using MentorFlow.Core.Messaging;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

public sealed class MenteeMidyearTests
{
    [Fact]
    public async Task A_mentee_who_asks_for_the_coordinator_at_midyear_flags_the_pairing_and_the_coordinator_is_told_once()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair();
        await year.StartAsync(YearHarness.Subject());
        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 1, 23), pair.Day); // the midyear check went out on the 22nd

        var word = new MenteeMidyearWord(2, "We rarely talk about my classes.", SupportRequested: true);
        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName, PairingYearEvent.MenteeMidyearIn(word));
        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName, PairingYearEvent.MenteeMidyearIn(word with { Concerns = "again" }));
        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 1, 24), pair.Day);

        var alert = Assert.Single(year.Messenger.Sent, m => m.Kind == ProgramMessageKind.AtRiskAlert);
        Assert.Equal(RecipientRole.Coordinator, alert.To.Role);
        Assert.Contains("The mentee's own word at midyear: the mentoring helps 2 of 4; support requested: yes; they wrote a concern", alert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("rarely", alert.Body, StringComparison.Ordinal); // the concern itself is read on the pairing's page
        Assert.Contains("at-risk", (await year.StatusAsync("pairing-1")).Flags);
    }

    [Fact]
    public async Task A_mentee_for_whom_the_mentoring_helps_and_who_asks_for_nothing_raises_no_alert()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair();
        await year.StartAsync(YearHarness.Subject());
        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 1, 23), pair.Day);

        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName, PairingYearEvent.MenteeMidyearIn(new MenteeMidyearWord(4, null, false)));
        await year.RunUntilAsync("pairing-1", new DateOnly(2027, 1, 24), pair.Day);

        Assert.Equal(0, year.Messenger.Count(ProgramMessageKind.AtRiskAlert));
        Assert.DoesNotContain("at-risk", (await year.StatusAsync("pairing-1")).Flags);
    }
}
