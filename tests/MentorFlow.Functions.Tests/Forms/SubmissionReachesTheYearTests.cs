using System.Net;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Engine;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class SubmissionReachesTheYearTests
{
    [Fact]
    public async Task A_meeting_logged_while_the_engine_could_not_take_its_event_reaches_the_year_once_the_app_restarts()
    {
        var (app, engine) = await UnreachableEngineApp.StartAsync();
        try
        {
            var id = await StepPages.StartPairingAsync(app);
            var link = LogLink(app, id);
            using var mentor = new HttpForm();
            await mentor.GetAsync(link);
            var logId = mentor.Value("Log.LogId");
            engine().Refuses = true;

            var status = await mentor.PostAsync(link, new Dictionary<string, string>
            {
                ["Log.LogId"] = logId, ["Log.Date"] = "2026-09-01", ["Log.Minutes"] = "45", ["Log.OutsideContractDay"] = "true", ["Log.Activities"] = "RegularMeeting",
            });

            // The mentor is told it is logged: it is saved, and the year will hear of it.
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Logged: 45 minutes", mentor.Html, StringComparison.Ordinal);
            await app.RunEngineAsync();
            Assert.Null((await app.Engine.GetInstanceAsync(id))!.ReadCustomStatusAs<PairingYearStatus>()!.LastMeeting);
            Assert.Equal(1, await app.Services.GetRequiredService<YearEventRelay>().CountPendingAsync(default));

            // The app comes back an hour later (its clock starts where the configuration says, so not at the same moment again).
            app = await app.RestartAsync("--MentorFlow:Clock:Start", "2026-09-01T09:00:00Z");
            Assert.Equal(0, await app.Services.GetRequiredService<YearEventRelay>().CountPendingAsync(default)); // raised as the app started
            await app.RunEngineAsync();

            var year = (await app.Engine.GetInstanceAsync(id))!.ReadCustomStatusAs<PairingYearStatus>()!;
            Assert.Equal(new DateOnly(2026, 9, 1), year.LastMeeting);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    // The standing log-a-meeting link the meeting invite carries for the mentor.
    private static Uri LogLink(RunningApp app, string pairingId)
    {
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var token = signer.Sign(new StepLink(pairingId, RecipientRole.Mentor, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        return new Uri(app.BaseAddress, $"/s/{token}");
    }
}
