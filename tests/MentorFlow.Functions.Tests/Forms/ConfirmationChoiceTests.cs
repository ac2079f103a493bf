using System.Net;
using System.Text.RegularExpressions;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

public sealed partial class ConfirmationChoiceTests
{
    [Theory]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("Pending")]
    [InlineData("confirmed ")]
    public async Task An_answer_the_form_does_not_offer_is_refused_beside_its_meeting_keeping_the_other_answers_and_storing_nothing(string unknown)
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        var mentorLink = LogLink(app, id, RecipientRole.Mentor);
        var menteeLink = LogLink(app, id, RecipientRole.Mentee);
        using var mentor = new HttpForm();
        foreach (var date in new[] { "2026-09-01", "2026-09-01" })
        {
            await mentor.GetAsync(mentorLink);
            var logged = await mentor.PostAsync(mentorLink, new Dictionary<string, string>
            {
                ["Log.LogId"] = mentor.Value("Log.LogId"), ["Log.Date"] = date, ["Log.Minutes"] = "45", ["Log.OutsideContractDay"] = "true", ["Log.Activities"] = "RegularMeeting",
            });
            Assert.Equal(HttpStatusCode.OK, logged);
            Assert.Contains("Logged: 45 minutes", mentor.Html, StringComparison.Ordinal);
        }

        using var mentee = new HttpForm();
        await mentee.GetAsync(menteeLink);
        var logIds = ConfirmKey().Matches(mentee.Html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(2, logIds.Count);

        var status = await mentee.PostAsync(menteeLink, new Dictionary<string, string>
        {
            [$"Confirm[{logIds[0]}]"] = "Confirmed", [$"Confirm[{logIds[1]}]"] = unknown,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<span id=\"confirm-{logIds[1]}-error\" class=\"error\">Choose Confirm or Dispute for this meeting.</span>", mentee.Html, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"confirm-{logIds[0]}-error\" class=\"error\"></span>", mentee.Html, StringComparison.Ordinal);
        Assert.Matches($"<input type=\"radio\" name=\"Confirm\\[{logIds[0]}\\]\" value=\"Confirmed\" checked=\"checked\" />", mentee.Html);
        Assert.DoesNotContain("Thank you", mentee.Html, StringComparison.Ordinal);
        // Nothing was stored: both meetings still wait for the mentee, and the mentor's list says so.
        await mentee.GetAsync(menteeLink);
        Assert.Equal(logIds, ConfirmKey().Matches(mentee.Html).Select(m => m.Groups[1].Value).Distinct());
        await mentor.GetAsync(mentorLink);
        Assert.Equal(2, Regex.Count(mentor.Html, "<span class=\"state\">Waiting for the mentee to confirm</span>"));
    }

    // The standing log-a-meeting link, as the meeting invite carries it for each of the pair.
    private static Uri LogLink(RunningApp app, string pairingId, RecipientRole person)
    {
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var token = signer.Sign(new StepLink(pairingId, person, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        return new Uri(app.BaseAddress, $"/s/{token}");
    }

    [GeneratedRegex("name=\"Confirm\\[([^\\]]+)\\]\"")]
    private static partial Regex ConfirmKey();
}
