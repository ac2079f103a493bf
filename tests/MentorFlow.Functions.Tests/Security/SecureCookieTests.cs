using System.Globalization;
using System.Net;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Security;

public sealed class SecureCookieTests
{
    [Fact]
    public async Task Behind_a_known_proxy_that_forwards_https_the_form_and_sign_in_cookies_are_secure()
    {
        await using var app = await RunningApp.StartAsync("--MentorFlow:ForwardedHeaders:Enabled", "true");

        var form = await FormCookiesAsync(app, forwardedProto: "https");
        var signIn = await SignInCookiesAsync(app, forwardedProto: "https");

        Assert.Contains(form, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(form, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(signIn, c => c.StartsWith("mentorflow-staff=", StringComparison.Ordinal));
        Assert.All(signIn, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_forwarded_https_claim_is_not_believed_when_forwarded_headers_are_off_or_from_a_proxy_not_named()
    {
        await using var off = await RunningApp.StartAsync();
        await using var otherProxy = await RunningApp.StartAsync("--MentorFlow:ForwardedHeaders:Enabled", "true", "--MentorFlow:ForwardedHeaders:KnownProxies:0", "10.20.30.40");

        foreach (var app in new[] { off, otherProxy })
        {
            var form = await FormCookiesAsync(app, forwardedProto: "https");
            Assert.NotEmpty(form);
            Assert.All(form, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        }
    }

    // The cookies a step form's page sets.
    private static async Task<IReadOnlyList<string>> FormCookiesAsync(RunningApp app, string forwardedProto)
    {
        var id = await StepPages.StartPairingAsync(app);
        var token = app.Services.GetRequiredService<StepLinkSigner>().Sign(
            new StepLink(id, RecipientRole.Mentor, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", CultureInfo.InvariantCulture)));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{token}");
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];
    }

    // The cookies of signing in at /staff/sign-in with the coordinator's key.
    private static async Task<IReadOnlyList<string>> SignInCookiesAsync(RunningApp app, string forwardedProto)
    {
        using var page = new HttpForm();
        await page.GetAsync(new Uri(app.BaseAddress, "/staff/sign-in"));
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/staff/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Key", RunningApp.Keys[StaffRole.Coordinator]), new("__RequestVerificationToken", page.Value("__RequestVerificationToken"))]),
        };
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("Cookie", page.Cookies(new Uri(app.BaseAddress, "/staff/sign-in")));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];
    }
}
