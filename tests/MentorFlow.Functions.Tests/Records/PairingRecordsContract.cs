using MentorFlow.Core.Pairings;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="Functions.Records.IPairingRecords"/> does, whatever keeps the records.</summary>
public abstract class PairingRecordsContract : RecordsContract
{
    [Fact]
    public async Task Added_pairings_are_found_by_id_and_by_key_and_listed_per_district_oldest_first()
    {
        var added = await Backend.Pairings.AddAsync(
        [
            RecordsBackend.Pairing("p-2", "north", key: "hr-2", at: At.AddMinutes(2)),
            RecordsBackend.Pairing("p-1", "north", at: At),
            RecordsBackend.Pairing("p-3", "south", key: "hr-3", at: At.AddMinutes(1)),
        ], default);

        Assert.All(added, a => Assert.True(a.Created));
        Assert.Equal(RecordsBackend.Pairing("p-2", "north", key: "hr-2", at: At.AddMinutes(2)), await Backend.Pairings.FindAsync("p-2", default));
        Assert.Equal("p-3", (await Backend.Pairings.FindByIdempotencyKeyAsync("hr-3", default))!.Pairing.PairingId);
        Assert.Null(await Backend.Pairings.FindAsync("p-unknown", default));
        Assert.Null(await Backend.Pairings.FindByIdempotencyKeyAsync("hr-unknown", default));
        Assert.Equal(["p-1", "p-2"], (await Backend.Pairings.ListAsync("north", default)).Select(r => r.Pairing.PairingId));
        Assert.Equal(["p-3"], (await Backend.Pairings.ListAsync("south", default)).Select(r => r.Pairing.PairingId));
        Assert.Empty(await Backend.Pairings.ListAsync("east", default));
    }

    [Fact]
    public async Task Adding_a_pairing_again_creates_nothing_keeps_it_updates_its_people_and_a_first_key_then_names_it()
    {
        await Backend.AddPairingAsync("p-1", at: At);

        var again = (await Backend.Pairings.AddAsync([RecordsBackend.Pairing("p-1", key: "hr-late", at: At.AddHours(1), mentorName: "Ada Renamed")], default)).Single();
        var third = (await Backend.Pairings.AddAsync([RecordsBackend.Pairing("p-1", key: "hr-other", at: At.AddHours(2))], default)).Single();

        Assert.False(again.Created);
        Assert.False(third.Created);
        Assert.Equal(At, again.Record.CreatedAt);
        Assert.Equal("Ada Renamed", again.Record.Mentor.Name);
        Assert.Equal("hr-late", again.Record.IdempotencyKey);
        Assert.Equal("hr-late", third.Record.IdempotencyKey); // a pairing keeps the first key it was given
        Assert.Equal("p-1", (await Backend.Pairings.FindByIdempotencyKeyAsync("hr-late", default))!.Pairing.PairingId);
        Assert.Null(await Backend.Pairings.FindByIdempotencyKeyAsync("hr-other", default));
        Assert.Single(await Backend.Pairings.ListAsync("north", default));
    }

    [Fact]
    public async Task A_separation_is_recorded_once_with_one_ended_event_for_the_year()
    {
        await Backend.AddPairingAsync("p-1");
        var separation = new Separation(new DateOnly(2026, 11, 2), SeparationReason.MenteeLeftDistrict, "moved");

        Assert.True(await Backend.Pairings.RecordSeparationAsync("p-1", separation, At, default));
        Assert.False(await Backend.Pairings.RecordSeparationAsync("p-1", separation with { Note = "again" }, At, default));
        Assert.False(await Backend.Pairings.RecordSeparationAsync("p-unknown", separation, At, default));

        Assert.Equal(separation, (await Backend.Pairings.FindAsync("p-1", default))!.Separation);
        Assert.Equal(separation, (await Backend.Pairings.ListAsync("north", default)).Single().Separation);
        var pending = Assert.Single(await Backend.Pending.ListAsync(default));
        Assert.Equal("p-1", pending.PairingId);
        Assert.Equal(PairingYearEventKind.Separated, pending.Event.Kind);
        Assert.Equal(separation, pending.Event.Separation);
        Assert.False(string.IsNullOrEmpty(pending.Event.Id));
    }
}
