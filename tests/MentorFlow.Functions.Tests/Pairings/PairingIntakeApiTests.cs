using System.Net;
using System.Net.Http.Json;
using System.Text;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class PairingIntakeApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_new_pairing_is_created_its_year_starts_and_both_get_their_action_plan_email()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var created = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await RunningApp.JsonAsync(created);
        var id = body.GetProperty("pairingId").GetString()!;
        Assert.Equal($"/api/pairings/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Sam Okafor", body.GetProperty("mentee").GetProperty("name").GetString());

        await app.RunEngineAsync();
        using var read = await http.GetAsync($"/api/pairings/{id}");
        var view = await RunningApp.JsonAsync(read);
        Assert.Equal("Running", view.GetProperty("yearStatus").GetString());
        Assert.Equal("Kickoff", view.GetProperty("progress").GetProperty("stage").GetString());
        Assert.Equal("both signatures on the action plan", view.GetProperty("progress").GetProperty("waitingFor").GetString());
        var emails = Directory.GetFiles(app.Outbox, "*.eml").Select(Path.GetFileName).Order().ToList();
        Assert.True(emails.Count == 2, string.Join(", ", emails));
        Assert.All(emails, e => Assert.Contains("ActionPlanInvite", e, StringComparison.Ordinal));
        using var mail = await MimeKit.MimeMessage.LoadAsync(Directory.GetFiles(app.Outbox, "*Mentee*.eml").Single());
        Assert.Equal("sam.okafor@demo-district.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Your mentoring action plan — with Maria Alvarez", mail.Subject);
        // The email says whose pairing it is, where, and by when: the plan is due two weeks after the first day.
        Assert.Contains("Your mentoring pairing with Maria Alvarez, Lincoln Elementary, Demo District.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Due by Tuesday 15 September 2026.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_request_again_returns_the_existing_pairing_and_starts_nothing_new()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var first = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        using var again = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/pairings") { Content = JsonContent.Create(PairingRequests.Valid()) };
        keyed.Headers.Add("Idempotency-Key", "onboarding-4711");
        using var withKey = await http.SendAsync(keyed);
        using var keyedOther = new HttpRequestMessage(HttpMethod.Post, "/api/pairings") { Content = JsonContent.Create(PairingRequests.Valid(menteeId: "E2999")) };
        keyedOther.Headers.Add("Idempotency-Key", "onboarding-4711");
        using var reusedKey = await http.SendAsync(keyedOther);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        var id = (await RunningApp.JsonAsync(first)).GetProperty("pairingId").GetString();
        Assert.Equal(id, (await RunningApp.JsonAsync(again)).GetProperty("pairingId").GetString());
        Assert.Equal(id, (await RunningApp.JsonAsync(withKey)).GetProperty("pairingId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, reusedKey.StatusCode);
        Assert.Contains("Idempotency-Key", await reusedKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.RunEngineAsync();
        Assert.Equal(2, Directory.GetFiles(app.Outbox, "*.eml").Length);
    }

    [Theory]
    [InlineData("\"school\":\"Lincoln Elementary\",", "\"school\":\"Lincoln Elementary\",\"nickname\":\"Sammy\",", "nickname", "is not a field")]
    [InlineData("\"yearsOfExperience\":12", "\"yearsOfExperience\":\"twelve\"", "mentor.yearsOfExperience", "whole number")]
    [InlineData("\"startsOn\":\"2026-09-01\"", "\"startsOn\":\"2026-13-45\"", "startsOn", "YYYY-MM-DD")]
    [InlineData("\"startsOn\":\"2026-09-01\"", "\"startsOn\":\"2027-08-01\"", "startsOn", "must fall in the FullYear term")]
    [InlineData("\"demo-district\"", "\"atlantis\"", "districtId", "not served here")]
    [InlineData("\"term\":\"FullYear\"", "\"term\":\"Quarter\"", "term", "FullYear, FirstHalf, SecondHalf")]
    [InlineData("\"school\":\"Lincoln Elementary\",\"inductionYear\"", "\"inductionYear\"", "school", "is required")]
    [InlineData("\"school\":\"Lincoln Elementary\",\"inductionYear\"", "\"school\":null,\"inductionYear\"", "school", "cannot be null")]
    [InlineData("\"inductionYear\":1", "\"inductionYear\":4", "inductionYear", "1, 2 or 3")]
    [InlineData("\"mentorTrainedOn\":\"2024-06-20\",", "", "eligibility.mentor", "override reason")]
    [InlineData("\"email\":\"sam.okafor@demo-district.example\"", "\"email\":\"sam at school\"", "mentee.email", "not an email address")]
    [InlineData("\"school\":\"Lincoln Elementary\",", "\"school\":\"Lincoln Elementary\",,", "body", "not valid JSON (line 1")]
    [InlineData("{", "[", "body", "expected JSON object")]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_creates_nothing(string find, string replace, string field, string message)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        var json = PairingRequests.ValidJson(j => ReplaceFirst(j, find, replace));

        using var response = await http.PostAsync("/api/pairings", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await RunningApp.JsonAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}': {problem}");
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
        var id = PairingIds.For("demo-district", "2026-2027", "E2001", "E1001");
        using var read = await http.GetAsync($"/api/pairings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Empty(Directory.GetFiles(app.Outbox));
    }

    [Fact]
    public async Task An_ineligible_mentor_is_accepted_with_an_override_reason_which_is_recorded()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        var json = PairingRequests.ValidJson(j => ReplaceFirst(j.Replace("\"yearsOfExperience\":12", "\"yearsOfExperience\":2", StringComparison.Ordinal),
            "\"mentee\":", "\"eligibilityOverride\":\"Only bilingual mentor at the school\",\"mentee\":"));

        using var response = await http.PostAsync("/api/pairings", Json(json));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Only bilingual mentor at the school", (await RunningApp.JsonAsync(response)).GetProperty("eligibilityOverride").GetString());
    }

    [Fact]
    public async Task Oversized_bodies_and_other_content_types_are_refused_with_what_to_do()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var huge = await http.PostAsync("/api/pairings", Json($"{{\"school\":\"{new string('x', PairingFunctions.MaxJsonBytes)}\"}}"));
        using var form = await http.PostAsync("/api/pairings", new StringContent("districtId=demo-district", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("at most 64 KB", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("application/problem+json", form.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unknown_pairing_is_a_404_problem()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.GetAsync("/api/pairings/p-nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("POST /api/pairings", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {text}");
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
