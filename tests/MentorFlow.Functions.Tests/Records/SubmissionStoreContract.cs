using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Submissions;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="ISubmissionStore"/> does, whatever keeps the records.</summary>
public abstract class SubmissionStoreContract : RecordsContract
{
    public sealed record Note(string Text, bool Confirmed = false);

    private static readonly PairingYearEvent Event = PairingYearEvent.PlanSigned(RecipientRole.Mentor);

    [Fact]
    public async Task Of_twenty_concurrent_posts_of_one_key_exactly_one_lands_and_owes_one_event()
    {
        await Backend.AddPairingAsync("p-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => Backend.Submissions.TryAddAsync("p-1", "Log", "log-1", new Note($"post {i}"), At, Event, default))));

        Assert.Single(results, r => r);
        var stored = await Backend.Submissions.FindAsync<Note>("p-1", "Log", "log-1", default);
        Assert.Equal(new Note($"post {Array.IndexOf(results, true)}"), stored);
        Assert.Single(await Backend.Pending.ListAsync(default));
    }

    [Fact]
    public async Task Submissions_are_found_by_kind_and_key_and_listed_oldest_first_per_pairing_and_kind()
    {
        await Backend.AddPairingAsync("p-1");
        await Backend.AddPairingAsync("p-2", "south");

        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "b", new Note("second"), At.AddMinutes(1), Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "a", new Note("first"), At, Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "c", new Note("same time, later key"), At.AddMinutes(1), Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Midyear", "a", new Note("midyear"), At, Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-2", "Log", "a", new Note("other pairing"), At, Event, default));
        Assert.False(await Backend.Submissions.TryAddAsync("p-1", "Log", "a", new Note("repeat"), At, Event, default));

        Assert.Equal(new Note("first"), await Backend.Submissions.FindAsync<Note>("p-1", "Log", "a", default));
        Assert.Null(await Backend.Submissions.FindAsync<Note>("p-1", "Log", "z", default));
        Assert.Null(await Backend.Submissions.FindAsync<Note>("p-1", "Schedule", "a", default));
        Assert.Equal(["first", "second", "same time, later key"], (await Backend.Submissions.ListAsync<Note>("p-1", "Log", default)).Select(n => n.Text));
        Assert.Equal([new Note("other pairing")], await Backend.Submissions.ListAsync<Note>("p-2", "Log", default));
        Assert.Empty(await Backend.Submissions.ListAsync<Note>("p-2", "Midyear", default));
        Assert.Equal(5, (await Backend.Pending.ListAsync(default)).Count);
    }

    [Fact]
    public async Task A_replace_lands_only_on_the_values_read_all_or_nothing_and_owes_one_event()
    {
        await Backend.AddPairingAsync("p-1");
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "a", new Note("a"), At, Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "b", new Note("b"), At, Event, default));
        SubmissionChange<Note>[] confirmBoth = [new("a", new Note("a"), new Note("a", true)), new("b", new Note("b"), new Note("b", true))];

        Assert.True(await Backend.Submissions.TryReplaceAsync("p-1", "Log", confirmBoth, At.AddHours(1), PairingYearEvent.Confirmed(["a", "b"]), default));
        // The same page posted again: what it read is no longer stored.
        Assert.False(await Backend.Submissions.TryReplaceAsync("p-1", "Log", confirmBoth, At.AddHours(2), PairingYearEvent.Confirmed(["a", "b"]), default));
        // One change still matching and one not: neither lands.
        Assert.False(await Backend.Submissions.TryReplaceAsync("p-1", "Log",
            [new SubmissionChange<Note>("a", new Note("a", true), new Note("a edited", true)), new SubmissionChange<Note>("b", new Note("b"), new Note("b edited"))],
            At.AddHours(3), Event, default));

        Assert.Equal([new Note("a", true), new Note("b", true)], await Backend.Submissions.ListAsync<Note>("p-1", "Log", default));
        var pending = await Backend.Pending.ListAsync(default);
        Assert.Equal(3, pending.Count);
        Assert.Equal(PairingYearEventKind.TimeConfirmed, pending[^1].Event.Kind);
    }

    [Fact]
    public async Task A_withdrawal_lands_only_on_the_value_read_once_and_the_submission_is_then_found_listed_and_replaced_nowhere()
    {
        await Backend.AddPairingAsync("p-1");
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "a", new Note("a"), At, Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "b", new Note("b"), At, Event, default));
        Assert.True(await Backend.Submissions.TryAddAsync("p-1", "Log", "c", new Note("c"), At, Event, default));
        Assert.True(await Backend.Submissions.TryReplaceAsync("p-1", "Log", [new SubmissionChange<Note>("c", new Note("c"), new Note("c", true))], At, Event, default));

        // What the page read is no longer stored (confirmed since): nothing changes.
        Assert.False(await Backend.Submissions.TryWithdrawAsync("p-1", "Log", "c", new Note("c"), At.AddHours(1), PairingYearEvent.Withdrawn("c"), default));
        Assert.False(await Backend.Submissions.TryWithdrawAsync("p-1", "Log", "z", new Note("z"), At.AddHours(1), PairingYearEvent.Withdrawn("z"), default));
        Assert.True(await Backend.Submissions.TryWithdrawAsync("p-1", "Log", "a", new Note("a"), At.AddHours(1), PairingYearEvent.Withdrawn("a"), default));
        // Withdrawn once: a second tap, an edit from a stale page and a late post of the first form all change nothing.
        Assert.False(await Backend.Submissions.TryWithdrawAsync("p-1", "Log", "a", new Note("a"), At.AddHours(2), PairingYearEvent.Withdrawn("a"), default));
        Assert.False(await Backend.Submissions.TryReplaceAsync("p-1", "Log", [new SubmissionChange<Note>("a", new Note("a"), new Note("a edited"))], At.AddHours(2), Event, default));
        Assert.False(await Backend.Submissions.TryAddAsync("p-1", "Log", "a", new Note("a"), At.AddHours(2), Event, default));

        Assert.Null(await Backend.Submissions.FindAsync<Note>("p-1", "Log", "a", default));
        Assert.Equal([new Note("b"), new Note("c", true)], await Backend.Submissions.ListAsync<Note>("p-1", "Log", default));
        var pending = await Backend.Pending.ListAsync(default);
        Assert.Equal(5, pending.Count); // three adds, the confirmation, one withdrawal
        Assert.Equal(("a", PairingYearEventKind.InteractionWithdrawn), (pending[^1].Event.WithdrawnLogId, pending[^1].Event.Kind));
    }
}
