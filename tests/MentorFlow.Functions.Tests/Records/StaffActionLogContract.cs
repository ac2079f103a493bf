using MentorFlow.Functions.StaffActions;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="IStaffActionLog"/> does, whatever keeps the records.</summary>
public abstract class StaffActionLogContract : RecordsContract
{
    [Fact]
    public async Task A_pairings_actions_are_kept_in_order_with_who_when_and_why_and_survive_a_restart()
    {
        await Backend.AddPairingAsync("p-1");
        await Backend.AddPairingAsync("p-2", districtId: "south");
        var started = new StaffAction("p-1", At, "Hr", "Started the pairing");
        var nudged = new StaffAction("p-1", At.AddDays(20), "Dana Coordinator", "Nudged the pair");
        var decided = new StaffAction("p-1", At.AddDays(280), "Dana Coordinator", "Decided: Completed the program year", "Met weekly; the log missed winter.");
        foreach (var action in new[] { started, nudged, new StaffAction("p-2", At, "Hr", "Started the pairing"), decided })
        {
            await Backend.Actions.RecordAsync(action, default);
        }

        await Backend.ReopenAsync();

        Assert.Equal([started, nudged, decided], await Backend.Actions.ListAsync("p-1", default));
        Assert.Single(await Backend.Actions.ListAsync("p-2", default));
        Assert.Empty(await Backend.Actions.ListAsync("p-unknown", default));
    }
}
