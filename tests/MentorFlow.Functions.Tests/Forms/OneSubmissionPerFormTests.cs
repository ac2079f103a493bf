using System.Globalization;
using System.Text.RegularExpressions;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>Twenty concurrent posts of every emailed form: the store takes one, the year hears one event, the rest are told it was already submitted.</summary>
public sealed partial class OneSubmissionPerFormTests
{
    [Fact]
    public async Task Twenty_posts_of_the_action_plan_and_of_the_schedule_sign_once_and_send_one_invite_each()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync();

        var mentorPlan = app.EmailedLink("ActionPlanInvite", "Mentor");
        await page.GotoAsync(mentorPlan.ToString());
        await StepPages.FillPlanAsync(page);
        var before = await FormRace.YearEventsAsync(app, id);
        FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(mentorPlan, await StepPages.FormFieldsAsync(page)));
        Assert.Equal(before + 1, await FormRace.YearEventsAsync(app, id));

        var menteePlan = app.EmailedLink("ActionPlanInvite", "Mentee");
        await page.GotoAsync(menteePlan.ToString());
        await page.FillAsync("#Form_SignatureName", "Sam Okafor");
        FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(menteePlan, await StepPages.FormFieldsAsync(page)));
        Assert.Equal(before + 2, await FormRace.YearEventsAsync(app, id));

        var schedule = app.EmailedLink("ScheduleRequest", "Mentor");
        await page.GotoAsync(schedule.ToString());
        await page.SelectOptionAsync("#Schedule_Weekday", "Thursday");
        await page.FillAsync("#Schedule_StartTime", "15:30");
        await page.FillAsync("#Schedule_Place", "Room 12");
        FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(schedule, await StepPages.FormFieldsAsync(page)));
        Assert.Equal(before + 3, await FormRace.YearEventsAsync(app, id));

        // One invite per person: one calendar event (one UID), sent once at SEQUENCE 0.
        var invites = Directory.GetFiles(app.Outbox, "*_MeetingInvite_*.eml");
        Assert.Equal(2, invites.Length);
        var calendars = await Task.WhenAll(invites.Select(CalendarAsync));
        Assert.Single(calendars.SelectMany(c => Uid().Matches(c)).Select(m => m.Value).Distinct());
        Assert.All(calendars, c => Assert.Single(Regex.Matches(c, "^SEQUENCE:0", RegexOptions.Multiline)));
    }

    [Fact]
    public async Task Twenty_posts_of_a_meeting_log_of_its_confirmation_and_of_an_observation_each_land_once()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        var before = await FormRace.YearEventsAsync(app, id);

        var mentorLog = Link(app, id, RecipientRole.Mentor, StepLinks.LogStep);
        using (var mentor = new HttpForm())
        {
            await mentor.GetAsync(mentorLog);
            FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(mentorLog, new Dictionary<string, string>
            {
                ["Log.LogId"] = mentor.Value("Log.LogId"), ["Log.Date"] = "2026-09-01", ["Log.Minutes"] = "45", ["Log.OutsideContractDay"] = "true", ["Log.Activities"] = "RegularMeeting",
            }));
        }

        Assert.Equal(before + 1, await FormRace.YearEventsAsync(app, id));

        var menteeLog = Link(app, id, RecipientRole.Mentee, StepLinks.LogStep);
        using (var mentee = new HttpForm())
        {
            await mentee.GetAsync(menteeLog);
            var logId = ConfirmKey().Match(mentee.Html).Groups[1].Value;
            FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(menteeLog, new Dictionary<string, string> { [$"Confirm[{logId}]"] = "Confirmed" }));
        }

        Assert.Equal(before + 2, await FormRace.YearEventsAsync(app, id));

        var observation = Link(app, id, RecipientRole.Mentor, Pages.Steps.StepFormPage.ObservationStep);
        using (var mentor = new HttpForm())
        {
            await mentor.GetAsync(observation);
            FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(observation, new Dictionary<string, string>
            {
                ["Observation.CycleId"] = mentor.Value("Observation.CycleId"), ["Observation.Type"] = "1", ["Observation.PreConferenceOn"] = "2026-09-01",
                ["Observation.ObservedOn"] = "2026-09-01", ["Observation.PostConferenceOn"] = "2026-09-01", ["Observation.Focus"] = "Questioning", ["Observation.SubstituteHours"] = "0",
            }));
        }

        Assert.Equal(before + 3, await FormRace.YearEventsAsync(app, id));
    }

    [Fact]
    public async Task Twenty_posts_of_the_midyear_check_and_of_the_sign_off_each_put_one_event_in_the_year()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        await StepPages.AtMidyearAsync(app, browser);
        var page = await browser.PhoneAsync();

        var midyear = app.EmailedLink("MidyearRequest", "Mentor");
        await page.GotoAsync(midyear.ToString());
        for (var goal = 0; goal < 3; goal++)
        {
            await page.CheckAsync(string.Create(CultureInfo.InvariantCulture, $"input[name='Midyear.Progress[{goal}]'][value='3']"));
        }

        var before = await FormRace.YearEventsAsync(app, id);
        FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(midyear, await StepPages.FormFieldsAsync(page)));
        Assert.Equal(before + 1, await FormRace.YearEventsAsync(app, id));

        await StepPages.AdvanceAsync(app, 145);
        var signOff = app.EmailedLink("SignOffRequest", "Mentor");
        await page.GotoAsync(signOff.ToString());
        await page.CheckAsync("#SignOffForm_HoursConfirmed");
        await page.CheckAsync("input[name='SignOffForm.Satisfaction'][value='5']");
        await page.FillAsync("#SignOffForm_SignedName", "Maria Alvarez");
        var fields = await StepPages.FormFieldsAsync(page);
        fields["SignOffForm.HoursConfirmed"] = "true"; // the checkbox's hidden "false" comes last in the form's fields
        FormRace.AssertOneAccepted(await FormRace.PostAtOnceAsync(signOff, fields));
        Assert.Equal(before + 2, await FormRace.YearEventsAsync(app, id));
    }

    private static async Task<string> CalendarAsync(string eml)
    {
        using var mail = await MimeKit.MimeMessage.LoadAsync(eml);
        var ics = mail.Attachments.OfType<MimeKit.MimePart>().Single(a => a.FileName == "mentoring-meeting.ics");
        using var text = new StreamReader(ics.Content!.Open());
        return await text.ReadToEndAsync();
    }

    private static Uri Link(RunningApp app, string pairingId, RecipientRole person, string step)
    {
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var token = signer.Sign(new StepLink(pairingId, person, step, DateTimeOffset.Parse("2027-09-01T00:00:00Z", CultureInfo.InvariantCulture)));
        return new Uri(app.BaseAddress, $"/s/{token}");
    }

    [GeneratedRegex("^UID:.*$", RegexOptions.Multiline)]
    private static partial Regex Uid();

    [GeneratedRegex("name=\"Confirm\\[([0-9a-f]+)\\]\"")]
    private static partial Regex ConfirmKey();
}
