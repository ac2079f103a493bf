using System.Globalization;
using System.Net;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Security;

public sealed class FormOriginTests
{
    private const string PublicUrl = "https://mentoring.demo-district.example";

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "https://mentoring.demo-district.example:8443")]
    [InlineData("Referer", "https://evil.example/a-page-with-a-form")]
    public async Task A_form_posted_from_another_site_is_refused_with_403_and_nothing_is_saved(string header, string value)
    {
        await using var app = await RunningApp.StartAsync("--MentorFlow:PublicUrl", PublicUrl);
        var (id, link) = await LogLinkAsync(app);
        using var mentor = new HttpForm();
        await mentor.GetAsync(link);

        var status = await mentor.PostAsync(link, Meeting(mentor), [new(header, value)]);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("This form was not sent", mentor.Html, StringComparison.Ordinal);
        Assert.Empty(await app.Services.GetRequiredService<ISubmissionStore>().ListAsync<CollaborationLog>(id, "log", default));
    }

    [Fact]
    public async Task A_form_posted_from_the_public_address_from_the_address_it_was_sent_to_or_naming_no_origin_is_taken()
    {
        await using var app = await RunningApp.StartAsync("--MentorFlow:PublicUrl", PublicUrl);
        var (id, link) = await LogLinkAsync(app);
        KeyValuePair<string, string>[][] posts =
        [
            [new("Origin", PublicUrl)],
            [new("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority))],
            [new("Referer", new Uri(app.BaseAddress, "/s/some-page").ToString())],
            [], // a mail client that strips both
        ];

        foreach (var headers in posts)
        {
            using var mentor = new HttpForm();
            await mentor.GetAsync(link);
            var status = await mentor.PostAsync(link, Meeting(mentor), headers);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Logged: 45 minutes", mentor.Html, StringComparison.Ordinal);
        }

        Assert.Equal(posts.Length, (await app.Services.GetRequiredService<ISubmissionStore>().ListAsync<CollaborationLog>(id, "log", default)).Count);
    }

    private static Dictionary<string, string> Meeting(HttpForm mentor) => new()
    {
        ["Log.LogId"] = mentor.Value("Log.LogId"), ["Log.Date"] = "2026-09-01", ["Log.Minutes"] = "45", ["Log.OutsideContractDay"] = "true", ["Log.Activities"] = "RegularMeeting",
    };

    private static async Task<(string Id, Uri Link)> LogLinkAsync(RunningApp app)
    {
        var id = await StepPages.StartPairingAsync(app);
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var token = signer.Sign(new StepLink(id, RecipientRole.Mentor, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", CultureInfo.InvariantCulture)));
        return (id, new Uri(app.BaseAddress, $"/s/{token}"));
    }
}
