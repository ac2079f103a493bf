using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Security;

public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task Every_response_pages_api_errors_and_redirects_carries_the_security_headers()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        (await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid())).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        var stepLink = app.EmailedLink("ActionPlanInvite", "Mentor");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var coordinator = app.Client(StaffRole.Coordinator);

        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("home page", await anonymous.GetAsync("/")),
            ("step form", await anonymous.GetAsync(stepLink)),
            ("tampered link page", await anonymous.GetAsync("/s/nothing.here")),
            ("coordinator page without a key", await anonymous.GetAsync("/coordinator")),
            ("staff sign-in", await anonymous.GetAsync("/staff/sign-in")),
            ("coordinator page", await coordinator.GetAsync("/coordinator")),
            ("coordinator csv", await coordinator.GetAsync("/coordinator/pairings.csv")),
            ("api 404", await hr.GetAsync("/api/pairings/nobody")),
            ("api 401", await anonymous.GetAsync("/api/pairings/nobody")),
            ("health", await anonymous.GetAsync("/healthz")),
        };

        foreach (var (what, response) in responses)
        {
            using (response)
            {
                var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
                Assert.True(csp.Contains("default-src 'none'", StringComparison.Ordinal), $"{what}: {csp}");
                Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: {csp}");
                Assert.False(csp.Contains("unsafe-inline", StringComparison.Ordinal) || csp.Contains("script-src", StringComparison.Ordinal), $"{what}: {csp}");
                Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
                Assert.Equal(["same-origin"], response.Headers.GetValues("Referrer-Policy"));
                Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            }
        }
    }

    [Fact]
    public async Task A_page_has_no_script_and_its_style_block_carries_the_nonce_its_policy_allows()
    {
        await using var app = await RunningApp.StartAsync();
        using var coordinator = app.Client(StaffRole.Coordinator);

        using var page = await coordinator.GetAsync("/coordinator");
        using var again = await coordinator.GetAsync("/coordinator");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var nonce = Nonce().Match(string.Join(' ', page.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<style nonce=\"{nonce}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(nonce, string.Join(' ', again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [GeneratedRegex("style-src 'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
