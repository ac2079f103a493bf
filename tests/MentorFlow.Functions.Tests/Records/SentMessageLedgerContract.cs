using MentorFlow.Core.Messaging;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="ISentMessageLedger"/> does, whatever keeps the records (as <c>SqliteSentMessageLedgerTests</c>).</summary>
public abstract class SentMessageLedgerContract : RecordsContract
{
    [Fact]
    public async Task A_send_recorded_goes_once_one_that_certainly_failed_goes_later_and_one_cut_off_stays_unknown_across_a_restart()
    {
        var ledger = Backend.Ledger;
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-1/ActionPlanInvite/Mentor/1", At, default));
        await ledger.RecordSentAsync("p-1/ActionPlanInvite/Mentor/1", At, default);
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-1/ActionPlanInvite/Mentee/1", At, default));
        await ledger.ReleaseAsync("p-1/ActionPlanInvite/Mentee/1", default); // the mail server refused it
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-1/ScheduleRequest/Mentor/1", At, default)); // and then the process died

        await Backend.ReopenAsync();
        var restarted = Backend.Ledger;

        Assert.Equal(SendIntent.AlreadySent, await restarted.RecordIntentAsync("p-1/ActionPlanInvite/Mentor/1", At.AddHours(1), default));
        Assert.Equal(SendIntent.SendNow, await restarted.RecordIntentAsync("p-1/ActionPlanInvite/Mentee/1", At.AddHours(1), default));
        Assert.Equal(SendIntent.Unknown, await restarted.RecordIntentAsync("p-1/ScheduleRequest/Mentor/1", At.AddHours(1), default));
        Assert.Equal([new UnknownSend("p-1/ScheduleRequest/Mentor/1", At)], await restarted.ListUnknownAsync(default));
    }

    [Fact]
    public async Task A_sent_message_stays_sent_whatever_comes_after_and_a_release_does_not_forget_it()
    {
        var ledger = Backend.Ledger;
        Assert.Equal(SendIntent.SendNow, await ledger.RecordIntentAsync("p-2/Nudge/Mentor/3", At, default));
        await ledger.RecordSentAsync("p-2/Nudge/Mentor/3", At, default);
        await ledger.RecordSentAsync("p-2/Nudge/Mentor/3", At.AddHours(1), default);
        await ledger.ReleaseAsync("p-2/Nudge/Mentor/3", default);

        Assert.Equal(SendIntent.AlreadySent, await ledger.RecordIntentAsync("p-2/Nudge/Mentor/3", At.AddHours(2), default));
        Assert.Empty(await ledger.ListUnknownAsync(default));
    }

    [Fact]
    public async Task Of_ten_concurrent_intents_for_one_key_exactly_one_may_send()
    {
        var intents = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Backend.Ledger.RecordIntentAsync("p-3/ActionPlanInvite/Mentor/1", At, default))));

        Assert.Single(intents, i => i == SendIntent.SendNow);
        Assert.All(intents.Where(i => i != SendIntent.SendNow), i => Assert.Equal(SendIntent.Unknown, i));
    }

    [Fact]
    public async Task A_pairings_emails_are_listed_oldest_first_with_those_cut_off_and_without_another_pairings()
    {
        var ledger = Backend.Ledger;
        await ledger.RecordIntentAsync("p-4/ActionPlanInvite/Mentor/1", At, default);
        await ledger.RecordSentAsync("p-4/ActionPlanInvite/Mentor/1", At.AddMinutes(1), default);
        await ledger.RecordIntentAsync("p-4/CoordinatorNudge/Mentee/202609011200", At.AddHours(1), default); // cut off, then tried again
        await ledger.RecordIntentAsync("p-4/CoordinatorNudge/Mentee/202609011200", At.AddHours(2), default);
        await ledger.RecordIntentAsync("p-4/ScheduleRequest/Mentor/1", At.AddHours(3), default); // going out now
        await ledger.RecordIntentAsync("p-40/ActionPlanInvite/Mentor/1", At, default);
        await ledger.RecordSentAsync("p-40/ActionPlanInvite/Mentor/1", At, default);

        var emails = await ledger.ListForPairingAsync("p-4", default);

        Assert.Equal(
            [new SentEmail("p-4/ActionPlanInvite/Mentor/1", At.AddMinutes(1)), new SentEmail("p-4/CoordinatorNudge/Mentee/202609011200", At.AddHours(1), Unknown: true)],
            emails);
        Assert.Equal((ProgramMessageKind.ActionPlanInvite, RecipientRole.Mentor), (emails[0].Kind, emails[0].To));
        Assert.True(emails[1].IsCoordinatorNudge);
    }
}
