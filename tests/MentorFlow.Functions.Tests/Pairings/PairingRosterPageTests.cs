using System.Net;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Pairings;

/// <summary>HR sees every pairing and ends one early in a browser; a bad end form keeps what was typed and changes nothing.</summary>
public sealed class PairingRosterPageTests
{
    [Fact]
    public async Task Hr_ends_a_pairing_from_the_roster_after_fixing_what_the_form_refused()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        using var hr = new HttpForm();
        var signIn = new Uri(app.BaseAddress, $"/staff/sign-in?ReturnUrl=/hr/pairings?end={id}");
        await hr.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await hr.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Hr])]));
        Assert.Contains("End Sam Okafor&#x27;s pairing with Maria Alvarez early", hr.Html, StringComparison.Ordinal);
        var page = new Uri(app.BaseAddress, "/hr/pairings");

        var refused = await hr.PostAsync(page, [new("pairingId", id), new("endedOn", "2031-01-01"), new("reason", ""), new("note", "Moved schools.")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("Choose why the pairing ended.", hr.Html, StringComparison.Ordinal);
        Assert.Equal("2031-01-01", hr.Value("endedOn"));
        Assert.Equal("Moved schools.", hr.Value("note"));
        Assert.Null((await app.Services.GetRequiredService<IPairingRecords>().FindAsync(id, CancellationToken.None))!.Separation);

        var outside = await hr.PostAsync(page, [new("pairingId", id), new("endedOn", "2031-01-01"), new("reason", "MenteeLeftDistrict"), new("note", "")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside);
        Assert.Contains("id=\"endedOn-error\" class=\"error\">", hr.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"endedOn-error\" class=\"error\"></span>", hr.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await hr.PostAsync(page, [new("pairingId", id), new("endedOn", "2026-11-20"), new("reason", "MenteeLeftDistrict"), new("note", "")]));

        Assert.Contains("Ended: Sam Okafor with Maria Alvarez, last day 20 November 2026.", hr.Html, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 20), (await app.Services.GetRequiredService<IPairingRecords>().FindAsync(id, CancellationToken.None))!.Separation!.EndedOn);
        Assert.Contains((await app.Services.GetRequiredService<IStaffActionLog>().ListAsync(id, CancellationToken.None)), a => a.Who == "Hr" && a.What.StartsWith("Ended the pairing on 20 November 2026", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coordinator_ends_a_pairing_early_from_its_page()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        using var coordinator = new HttpForm();
        var signIn = new Uri(app.BaseAddress, $"/staff/sign-in?ReturnUrl=/coordinator/pairings/{id}");
        await coordinator.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await coordinator.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Coordinator])]));
        Assert.Contains($"href=\"/hr/pairings?end={id}\"", coordinator.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await coordinator.GetAsync(new Uri(app.BaseAddress, $"/hr/pairings?end={id}")));
        Assert.Equal(HttpStatusCode.OK, await coordinator.PostAsync(new Uri(app.BaseAddress, "/hr/pairings"),
            [new("pairingId", id), new("endedOn", "2026-10-02"), new("reason", "MentorLeftDistrict"), new("note", "")]));

        Assert.Contains("Ended: Sam Okafor with Maria Alvarez, last day 2 October 2026.", coordinator.Html, StringComparison.Ordinal);
        Assert.Contains(await app.Services.GetRequiredService<IStaffActionLog>().ListAsync(id, CancellationToken.None),
            a => a.Who == "Coordinator" && a.What.StartsWith("Ended the pairing on 2 October 2026", StringComparison.Ordinal));
    }
}
