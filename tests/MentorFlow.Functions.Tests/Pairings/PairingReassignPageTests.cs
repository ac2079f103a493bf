using System.Net;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Pairings;

/// <summary>HR gives a mentee another mentor: the old pairing ends the day before, the new one starts its year; a bad form changes nothing.</summary>
public sealed class PairingReassignPageTests
{
    private static readonly KeyValuePair<string, string>[] NewMentor =
    [
        new("mentor.employeeId", "E1077"), new("mentor.name", "Priya Raman"), new("mentor.email", "priya.raman@demo-district.example"),
        new("mentor.role", "Teacher"), new("mentor.school", "Lincoln Elementary"), new("mentor.yearsOfExperience", "9"),
        new("mentor.mentorTrainedOn", "2025-06-20"), new("eligibilityOverride", ""),
    ];

    [Fact]
    public async Task Hr_gives_a_mentee_another_mentor_and_both_pairings_say_so()
    {
        await using var app = await RunningApp.StartAsync();
        var (hr, id) = await SignedInOnReassignAsync(app);
        Assert.Contains("Give Sam Okafor another mentor", hr.Html, StringComparison.Ordinal);

        var status = await hr.PostAsync(new Uri(app.BaseAddress, $"/hr/pairings/{id}/reassign"), [.. NewMentor, new("firstDay", "2026-10-05")]);
        await app.RunEngineAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sam Okafor is now paired with Priya Raman from 5 October 2026; the pairing with Maria Alvarez ended the day before.", hr.Html, StringComparison.Ordinal);
        var records = app.Services.GetRequiredService<IPairingRecords>();
        var old = (await records.FindAsync(id, CancellationToken.None))!;
        Assert.Equal((new DateOnly(2026, 10, 4), Core.Pairings.SeparationReason.Reassigned), (old.Separation!.EndedOn, old.Separation.Reason));
        var all = await records.ListAsync("demo-district", CancellationToken.None);
        var next = Assert.Single(all, p => p.Pairing.PairingId != id);
        Assert.Equal(("Priya Raman", "Sam Okafor", new DateOnly(2026, 10, 5)), (next.Mentor.Name, next.Mentee.Name, next.Pairing.StartsOn));
        // The old year told the coordinator it ended; the new pair's year begins on its first day, with the action plan.
        Assert.Single(Directory.GetFiles(app.Outbox, $"{id}_SeparationNotice_Coordinator_*.eml"));
        Assert.Empty(Directory.GetFiles(app.Outbox, $"{next.Pairing.PairingId}_*.eml"));
        await StepPages.AdvanceAsync(app, 35);
        Assert.Single(Directory.GetFiles(app.Outbox, $"{next.Pairing.PairingId}_ActionPlanInvite_Mentor_*.eml"));
        var actions = app.Services.GetRequiredService<IStaffActionLog>();
        Assert.Contains(await actions.ListAsync(id, CancellationToken.None), a => a.What == "Reassigned Sam Okafor to Priya Raman from 5 October 2026");
        Assert.Contains(await actions.ListAsync(next.Pairing.PairingId, CancellationToken.None), a => a.What == "Started the pairing: Sam Okafor was reassigned from Maria Alvarez");
    }

    [Fact]
    public async Task A_reassignment_that_breaks_a_rule_keeps_what_was_typed_names_each_field_and_changes_nothing()
    {
        await using var app = await RunningApp.StartAsync();
        var (hr, id) = await SignedInOnReassignAsync(app);
        KeyValuePair<string, string>[] typed =
        [
            .. NewMentor.Where(f => f.Key is not ("mentor.email" or "mentor.mentorTrainedOn" or "mentor.yearsOfExperience")),
            new("mentor.email", "not-an-address"), new("mentor.mentorTrainedOn", ""), new("mentor.yearsOfExperience", "1"), new("firstDay", "2026-10-05"),
        ];

        var status = await hr.PostAsync(new Uri(app.BaseAddress, $"/hr/pairings/{id}/reassign"), typed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("href=\"#mentor_email\"", hr.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#eligibilityOverride\"", hr.Html, StringComparison.Ordinal); // untrained, one year: an override is needed
        Assert.Equal("not-an-address", hr.Value("mentor.email"));
        Assert.Equal("Priya Raman", hr.Value("mentor.name"));
        Assert.Equal("2026-10-05", hr.Value("firstDay"));
        var records = app.Services.GetRequiredService<IPairingRecords>();
        Assert.Null((await records.FindAsync(id, CancellationToken.None))!.Separation);
        Assert.Single(await records.ListAsync("demo-district", CancellationToken.None));

        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            await hr.PostAsync(new Uri(app.BaseAddress, $"/hr/pairings/{id}/reassign"), [.. NewMentor, new("firstDay", "2026-09-01")]));
        Assert.Contains("must come after the pairing started", hr.Html, StringComparison.Ordinal);
        Assert.Null((await records.FindAsync(id, CancellationToken.None))!.Separation);
    }

    private static async Task<(HttpForm Hr, string PairingId)> SignedInOnReassignAsync(RunningApp app)
    {
        var id = await StepPages.StartPairingAsync(app);
        var hr = new HttpForm();
        var signIn = new Uri(app.BaseAddress, $"/staff/sign-in?ReturnUrl=/hr/pairings/{id}/reassign");
        await hr.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await hr.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Hr])]));
        return (hr, id);
    }
}
