using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Links;

public sealed class CanonicalLinkTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public async Task A_link_whose_last_character_is_changed_does_not_open_even_when_it_decodes_to_the_same_signature()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        (await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid())).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        var link = app.EmailedLink("ActionPlanInvite", "Mentor").ToString();
        // The signature's 32 bytes take 43 characters; the last one's lowest bits are padding, so flipping one keeps the bytes.
        var last = Alphabet.IndexOf(link[^1], StringComparison.Ordinal);
        var changed = link[..^1] + Alphabet[last ^ 1];
        using var browser = new HttpClient();

        using var genuine = await browser.GetAsync(new Uri(link));
        using var page = await browser.GetAsync(new Uri(changed));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("This link does not open", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Alvarez", html, StringComparison.Ordinal);
    }
}
