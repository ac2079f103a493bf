using MentorFlow.Core.Educators;
using MentorFlow.Functions.Hires;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>What every <see cref="IHireRosters"/> does, whatever keeps the records.</summary>
public abstract class HireRostersContract : RecordsContract
{
    private static Hire Hire(string id, bool? employedNextYear = null) =>
        new(id, $"Teacher {id}", "Lincoln", EducatorRole.Teacher, 1, new DateOnly(2026, 8, 24), employedNextYear);

    [Fact]
    public async Task A_roster_sent_again_replaces_the_one_before_whole_and_survives_a_restart()
    {
        await Backend.Hires.SaveAsync(new HireRoster("north", "2026-2027", [Hire("T-1"), Hire("T-2"), Hire("T-3")], At), default);
        var again = new HireRoster("north", "2026-2027", [Hire("T-1", true), Hire("T-2", false)], At.AddMonths(13));
        await Backend.Hires.SaveAsync(again, default);
        await Backend.ReopenAsync();

        var found = await Backend.Hires.FindAsync("north", "2026-2027", default);

        Assert.NotNull(found);
        Assert.Equal(again.Hires, found.Hires);
        Assert.Equal(again.ReceivedAt, found.ReceivedAt);
        Assert.Equal(2, found.NextYearAnswered);
    }

    [Fact]
    public async Task Each_district_year_has_its_own_roster_and_one_never_sent_is_not_found()
    {
        await Backend.Hires.SaveAsync(new HireRoster("north", "2026-2027", [Hire("T-1")], At), default);
        await Backend.Hires.SaveAsync(new HireRoster("south", "2026-2027", [Hire("T-9"), Hire("T-8")], At), default);

        Assert.Equal(["T-1"], (await Backend.Hires.FindAsync("north", "2026-2027", default))!.Hires.Select(h => h.EmployeeId));
        Assert.Equal(["T-9", "T-8"], (await Backend.Hires.FindAsync("south", "2026-2027", default))!.Hires.Select(h => h.EmployeeId));
        Assert.Null(await Backend.Hires.FindAsync("north", "2025-2026", default));
        Assert.Empty(await Backend.Pending.ListAsync(default)); // a roster tells no pairing's year anything
    }
}
