using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="Functions.ActionPlans.IActionPlanStore"/> does, whatever keeps the records.</summary>
public abstract class ActionPlanStoreContract : RecordsContract
{
    private static readonly PairingYearEvent Signed = PairingYearEvent.PlanSigned(RecipientRole.Mentor);

    [Fact]
    public async Task A_save_lands_only_on_the_plan_it_was_made_from_and_a_stale_one_changes_nothing()
    {
        await Backend.AddPairingAsync("p-1");
        var first = RecordsBackend.Plan("Tuesdays");
        var second = RecordsBackend.Plan("Wednesdays");

        Assert.Null(await Backend.ActionPlans.FindAsync("p-1", default));
        Assert.True(await Backend.ActionPlans.SaveAsync("p-1", null, first, Signed, At, default));
        Assert.False(await Backend.ActionPlans.SaveAsync("p-1", null, second, Signed, At, default)); // made before the first was saved
        Assert.True(await Backend.ActionPlans.SaveAsync("p-1", first, second, Signed, At, default));
        Assert.False(await Backend.ActionPlans.SaveAsync("p-1", first, RecordsBackend.Plan("Fridays"), Signed, At, default)); // stale

        Assert.Equivalent(second, await Backend.ActionPlans.FindAsync("p-1", default), strict: true);
        Assert.Equal(2, (await Backend.Pending.ListAsync(default)).Count);
    }

    [Fact]
    public async Task Of_ten_concurrent_saves_from_the_same_plan_exactly_one_lands()
    {
        await Backend.AddPairingAsync("p-1");
        var first = RecordsBackend.Plan("Tuesdays");
        Assert.True(await Backend.ActionPlans.SaveAsync("p-1", null, first, Signed, At, default));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => Backend.ActionPlans.SaveAsync("p-1", first, RecordsBackend.Plan($"Option {i}"), Signed, At, default))));

        Assert.Single(results, r => r);
        Assert.Equivalent(RecordsBackend.Plan($"Option {Array.IndexOf(results, true)}"), await Backend.ActionPlans.FindAsync("p-1", default), strict: true);
        Assert.Equal(2, (await Backend.Pending.ListAsync(default)).Count);
    }
}
