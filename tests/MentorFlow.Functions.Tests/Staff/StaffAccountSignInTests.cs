using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Staff;

/// <summary>A person with a staff account signs in as themselves, is known by name on every page, and signs out.</summary>
public sealed class StaffAccountSignInTests
{
    private const string Password = "correct horse battery staple";
    private const string Refused = "That email and password do not match an account here.";

    [Fact]
    public async Task An_account_signs_in_with_its_email_and_password_and_sees_its_pages_under_its_name()
    {
        await using var app = await RunningApp.StartAsync();
        await StaffAccountsCommandTests.AddAsync(app, "cam@district.example", "Cam Rivera", Password, "Coordinator");
        using var cam = new HttpForm();

        Assert.Equal(HttpStatusCode.OK, await SignInAsync(app, cam, "Cam@District.example", Password, "/coordinator"));

        Assert.Contains("<h1>Pairings</h1>", cam.Html, StringComparison.Ordinal);
        Assert.Contains("Signed in as <strong>Cam Rivera</strong>", cam.Html, StringComparison.Ordinal);
        Assert.Contains("action=\"/staff/sign-out\"", cam.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, await cam.GetAsync(new Uri(app.BaseAddress, "/hr/import")));
        Assert.Contains("You are signed in as <strong>Cam Rivera</strong>", cam.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_refusal_and_the_email_is_kept_but_never_the_password()
    {
        await using var app = await RunningApp.StartAsync();
        await StaffAccountsCommandTests.AddAsync(app, "cam@district.example", "Cam Rivera", Password, "Coordinator");
        using var visitor = new HttpForm();

        await SignInAsync(app, visitor, "cam@district.example", "not the password at all");
        var wrongPassword = visitor.Html;
        Assert.Equal("cam@district.example", visitor.Value("Email"));
        await SignInAsync(app, visitor, "nobody@district.example", Password);
        var unknownEmail = visitor.Html;

        Assert.Contains(Refused, wrongPassword, StringComparison.Ordinal);
        Assert.Contains(Refused, unknownEmail, StringComparison.Ordinal);
        Assert.Equal(ErrorOf(wrongPassword), ErrorOf(unknownEmail));
        Assert.Equal("nobody@district.example", visitor.Value("Email"));
        Assert.DoesNotContain("not the password at all", wrongPassword, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, unknownEmail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await visitor.GetAsync(new Uri(app.BaseAddress, "/coordinator")));
        Assert.Contains("name=\"Password\"", visitor.Html, StringComparison.Ordinal); // still not signed in

        await SignInAsync(app, visitor, "", "");
        Assert.Contains("Enter the email address of your account", visitor.Html, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", visitor.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_account_and_one_whose_password_changed_are_asked_to_sign_in_at_their_next_page()
    {
        await using var app = await RunningApp.StartAsync();
        await StaffAccountsCommandTests.AddAsync(app, "cam@district.example", "Cam Rivera", Password, "Coordinator");
        await StaffAccountsCommandTests.AddAsync(app, "pat@district.example", "Pat Lee", Password, "Coordinator");
        using var cam = new HttpForm();
        using var pat = new HttpForm();
        await SignInAsync(app, cam, "cam@district.example", Password, "/coordinator");
        await SignInAsync(app, pat, "pat@district.example", Password, "/coordinator");

        Assert.Equal(0, (await StaffAccountsCommandTests.RunAsync("", "remove", "--email", "cam@district.example", "--MentorFlow:Folders:Root", app.Root)).Exit);
        Assert.Equal(0, (await StaffAccountsCommandTests.RunAsync("a new password of Pat's\n", "password", "--email", "pat@district.example", "--password-stdin", "--MentorFlow:Folders:Root", app.Root)).Exit);

        await cam.GetAsync(new Uri(app.BaseAddress, "/coordinator"));
        Assert.Contains("name=\"Password\"", cam.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cam Rivera", cam.Html, StringComparison.Ordinal);
        await pat.GetAsync(new Uri(app.BaseAddress, "/coordinator"));
        Assert.Contains("name=\"Password\"", pat.Html, StringComparison.Ordinal);
        await SignInAsync(app, pat, "pat@district.example", "a new password of Pat's", "/coordinator");
        Assert.Contains("Signed in as <strong>Pat Lee</strong>", pat.Html, StringComparison.Ordinal);
        await SignInAsync(app, cam, "cam@district.example", Password);
        Assert.Contains(Refused, cam.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_goes_home_and_the_next_staff_page_asks_to_sign_in()
    {
        await using var app = await RunningApp.StartAsync();
        await StaffAccountsCommandTests.AddAsync(app, "cam@district.example", "Cam Rivera", Password, "Coordinator");
        using var cam = new HttpForm();
        await SignInAsync(app, cam, "cam@district.example", Password, "/coordinator");
        var signOut = new Uri(app.BaseAddress, "/staff/sign-out");
        using var forged = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var withoutToken = new HttpRequestMessage(HttpMethod.Post, "/staff/sign-out") { Content = new FormUrlEncodedContent([]) };
        withoutToken.Headers.Add("Cookie", cam.Cookies(app.BaseAddress));

        Assert.Equal(HttpStatusCode.BadRequest, (await forged.SendAsync(withoutToken)).StatusCode); // a post from elsewhere signs nobody out
        Assert.Equal(HttpStatusCode.OK, await cam.GetAsync(new Uri(app.BaseAddress, "/coordinator")));
        Assert.Contains("<h1>Pairings</h1>", cam.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await cam.PostAsync(signOut, []));

        Assert.Contains("<h1>MentorFlow</h1>", cam.Html, StringComparison.Ordinal); // the home page
        Assert.DoesNotContain("Signed in as", cam.Html, StringComparison.Ordinal);
        await cam.GetAsync(new Uri(app.BaseAddress, "/coordinator"));
        Assert.Contains("name=\"Password\"", cam.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffAuthentication.CookieName, cam.Cookies(app.BaseAddress), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_browser_the_sign_out_button_of_a_staff_page_signs_out()
    {
        await using var app = await RunningApp.StartAsync();
        await StaffAccountsCommandTests.AddAsync(app, "cam@district.example", "Cam Rivera", Password, "Coordinator");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/coordinator").ToString());
        await page.FillAsync("#Email", "cam@district.example");
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button:has-text('Sign in')");
        Assert.Equal("/coordinator", new Uri(page.Url).AbsolutePath);
        Assert.Contains("Signed in as Cam Rivera", await page.InnerTextAsync("header"), StringComparison.Ordinal);

        await page.ClickAsync("header button:has-text('Sign out')");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain("Signed in as", await page.InnerTextAsync("header"), StringComparison.Ordinal);
        await page.GotoAsync(new Uri(app.BaseAddress, "/coordinator").ToString());
        Assert.Equal("/staff/sign-in", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task What_a_person_does_is_kept_under_their_name()
    {
        await using var app = await RunningApp.StartAsync();
        await StaffAccountsCommandTests.AddAsync(app, "pat@district.example", "Pat Lee", Password, "Hr");
        using var api = app.Client();
        using var created = await api.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString()!;
        await app.RunEngineAsync();
        using var pat = new HttpForm();
        await SignInAsync(app, pat, "pat@district.example", Password, $"/hr/pairings?end={id}");

        Assert.Equal(HttpStatusCode.OK, await pat.PostAsync(new Uri(app.BaseAddress, "/hr/pairings"),
            [new("pairingId", id), new("endedOn", "2026-11-20"), new("reason", "MenteeLeftDistrict"), new("note", "")]));

        Assert.NotNull((await app.Services.GetRequiredService<IPairingRecords>().FindAsync(id, CancellationToken.None))!.Separation);
        var ended = Assert.Single(await app.Services.GetRequiredService<IStaffActionLog>().ListAsync(id, CancellationToken.None), a => a.What.StartsWith("Ended", StringComparison.Ordinal));
        Assert.Equal("Pat Lee", ended.Who);
    }

    [Fact]
    public async Task An_account_set_in_configuration_signs_in_with_the_hash_the_command_printed()
    {
        var (_, hash, _) = await StaffAccountsCommandTests.RunAsync(Password + "\n", "hash", "--password-stdin");
        await using var app = await RunningApp.StartAsync(
            "--MentorFlow:Staff:Accounts:0:Email", "ana@state.example", "--MentorFlow:Staff:Accounts:0:Name", "Ana Ortiz",
            "--MentorFlow:Staff:Accounts:0:Roles:0", "Analyst", "--MentorFlow:Staff:Accounts:0:PasswordHash", hash.Trim());
        using var ana = new HttpForm();

        Assert.Equal(HttpStatusCode.OK, await SignInAsync(app, ana, "ana@state.example", Password, "/reports"));

        Assert.Contains("Signed in as <strong>Ana Ortiz</strong>", ana.Html, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> SignInAsync(RunningApp app, HttpForm visitor, string email, string password, string? returnTo = null)
    {
        var signIn = new Uri(app.BaseAddress, returnTo is null ? "/staff/sign-in" : $"/staff/sign-in?ReturnUrl={returnTo}");
        await visitor.GetAsync(signIn);
        return await visitor.PostAsync(signIn, [new("Email", email), new("Password", password), new("Key", "")]);
    }

    private static string ErrorOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"password-error\" class=\"error\">([^<]*)<").Groups[1].Value;
}
