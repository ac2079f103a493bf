using MentorFlow.Core.Messaging;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="Functions.Submissions.IPendingYearEvents"/> does, whatever keeps the records.</summary>
public abstract class PendingYearEventsContract : RecordsContract
{
    [Fact]
    public async Task Events_saved_with_records_are_listed_in_the_order_saved_across_districts_and_leave_once_marked_raised()
    {
        await Backend.AddPairingAsync("p-1", "north");
        await Backend.AddPairingAsync("p-2", "south");
        Assert.True(await Backend.ActionPlans.SaveAsync("p-1", null, RecordsBackend.Plan("Tuesdays"), PairingYearEvent.PlanSigned(RecipientRole.Mentor), At, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-2", "Log", "a", "first log", At, PairingYearEvent.PlanSigned(RecipientRole.Mentee), default));
        Assert.True(await Backend.Pairings.RecordSeparationAsync("p-1", new Separation(new DateOnly(2026, 10, 1), SeparationReason.MenteeLeftDistrict), At, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-2", "Log", "b", "second log", At, PairingYearEvent.PlanSigned(RecipientRole.Mentor), default));

        var pending = await Backend.Pending.ListAsync(default);

        Assert.Equal([("p-1", PairingYearEventKind.ActionPlanSigned), ("p-2", PairingYearEventKind.ActionPlanSigned), ("p-1", PairingYearEventKind.Separated), ("p-2", PairingYearEventKind.ActionPlanSigned)],
            pending.Select(p => (p.PairingId, p.Event.Kind)));
        Assert.Equal(4, pending.Select(p => p.Event.Id).Distinct().Count());

        await Backend.Pending.MarkRaisedAsync(pending[1], At, default);
        await Backend.Pending.MarkRaisedAsync(pending[2], At, default);
        await Backend.Pending.MarkRaisedAsync(pending[2], At, default); // a relay that crashed before noting it marks it again

        Assert.Equal([pending[0].Event.Id, pending[3].Event.Id], (await Backend.Pending.ListAsync(default)).Select(p => p.Event.Id));
        // The records that owed them are as saved.
        Assert.Equal(["first log", "second log"], await Backend.Submissions.ListAsync<string>("p-2", "Log", default));
        Assert.NotNull((await Backend.Pairings.FindAsync("p-1", default))!.Separation);

        // A later save owes its own event; those raised stay raised.
        Assert.True(await Backend.Submissions.TryAddAsync("p-2", "Log", "c", "third log", At, PairingYearEvent.PlanSigned(RecipientRole.Mentor), default));
        await Backend.ReopenAsync();
        var after = await Backend.Pending.ListAsync(default);
        Assert.Equal(3, after.Count);
        Assert.DoesNotContain(after, p => p.Event.Id == pending[1].Event.Id || p.Event.Id == pending[2].Event.Id);
    }
}
