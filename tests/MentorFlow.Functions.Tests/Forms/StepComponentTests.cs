using System.Net;
using System.Text;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Pages;
using MentorFlow.Functions.Pages.Steps;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class StepComponentTests
{
    private const string Hostile = "<script>alert('x')</script>";

    [Fact]
    public async Task A_step_rendered_for_a_hostile_name_and_note_shows_them_as_text_never_as_markup()
    {
        var log = new CollaborationLog("log-1", new DateOnly(2026, 9, 8), 45, false, true, [CollaborationActivity.RegularMeeting], $"Notes {Hostile}");
        var view = new ConfirmStepView(new StepHeading("Log a meeting", Hostile, $"Partner \"{Hostile}\"", null, null), "token-1", [log],
            new Dictionary<string, string>(), new FieldErrors(), [log], new PairingHours(0, 20));

        var (status, html) = await RenderAsync<ConfirmStepForm, ConfirmStepView>("Log a meeting", view);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hello &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;.", html, StringComparison.Ordinal);
        Assert.Contains("Notes: Notes &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<title>Log a meeting · MentorFlow</title>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\" value=\"token-1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_value_and_an_error_beside_it_are_attribute_and_text_encoded()
    {
        var errors = new FieldErrors();
        errors.Add("Schedule.Minutes", "Give the length in whole minutes, e.g. 45.");
        var view = new ScheduleStepView(new StepHeading("Your regular meeting schedule", "Maria Alvarez", "Sam Okafor", null, null), "token-1",
            new ScheduleForm { Minutes = "\"><script>x</script>", Place = "Room 12 — east" }, errors, Submitted: null, Open: true, ForMentor: true);

        var (_, html) = await RenderAsync<ScheduleStepForm, ScheduleStepView>("Your regular meeting schedule", view);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"minutes-error\" class=\"error\">Give the length in whole minutes, e.g. 45.</span>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Room 12 — east\"", html, StringComparison.Ordinal); // UTF-8 as it is, not &#x2014;
    }

    [Fact]
    public async Task The_step_handler_answers_a_post_without_its_antiforgery_token_with_400_and_saves_nothing()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        var token = app.Services.GetRequiredService<StepLinkSigner>().Sign(
            new StepLink(id, RecipientRole.Mentor, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = $"/s/{token}";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("Log.LogId=abc&Log.Date=2026-09-01&Log.Minutes=45&Log.Activities=RegularMeeting"));

        // The handler as a host calls it: the request and its route value, no endpoint around it.
        var answer = await scope.ServiceProvider.GetRequiredService<StepFormPage>().PostAsync(context.Request, token, default);

        Assert.IsType<BadRequest>(answer);
        Assert.Empty(await app.Services.GetRequiredService<Functions.Submissions.ISubmissionStore>().ListAsync<CollaborationLog>(id, "log", default));

        // Over HTTP, as a browser without the page's token would post it: 400, as the Razor page answered.
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var post = await http.PostAsync($"/s/{token}", new FormUrlEncodedContent([new("Log.LogId", "abc"), new("Log.Date", "2026-09-01"), new("Log.Minutes", "45")]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    // Renders the component as the page renderer does for a request, and reads what the response would carry.
    private static async Task<(int Status, string Html)> RenderAsync<TPage, TModel>(string title, TModel model)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var _ = services;
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        var result = await new PageRenderer().RenderAsync<TPage, TModel>(context, title, model);
        await result.ExecuteAsync(context);

        return (context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }
}
