using System.Net.Http.Json;
using System.Text.Json;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Components;

public sealed class SmtpMailerTests
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task With_SMTP_configured_the_step_emails_go_through_it_with_their_signed_links()
    {
        var smtp = new Uri(RealComponents.Smtp.Setting);
        var api = new Uri(RealComponents.MaildevApi.Setting);
        await RealComponents.Smtp.EnsureListeningAsync(smtp);
        await RealComponents.MaildevApi.EnsureListeningAsync(api);
        await using var app = await RunningApp.StartAsync(
            "--MentorFlow:Mail:Smtp:Host", smtp.Host, "--MentorFlow:Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--MentorFlow:Mail:Smtp:Security", "None");
        var mentee = $"E{Guid.NewGuid():N}"[..12];
        var body = JsonSerializer.Serialize(PairingRequests.Valid(menteeId: mentee)).Replace("sam.okafor@", $"{mentee}@", StringComparison.Ordinal);
        using var hr = app.Client();
        using var created = await hr.PostAsync("/api/pairings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();

        await app.RunEngineAsync();

        var mail = await WaitForMailToAsync(api, $"{mentee}@demo-district.example");
        Assert.Equal("Your mentoring action plan", mail.GetProperty("subject").GetString());
        Assert.Contains("/s/", mail.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Open your form", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.Outbox)); // nothing went to the outbox folder
    }

    // maildev stores a message just after it accepts it over SMTP: poll its API briefly.
    private static async Task<JsonElement> WaitForMailToAsync(Uri api, string address)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var deadline = new CancellationTokenSource(ArrivalTimeout);
        while (true)
        {
            var mails = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/email", UriKind.Relative), deadline.Token) ?? [];
            foreach (var mail in mails)
            {
                if (mail.GetProperty("to").EnumerateArray().Any(to => to.GetProperty("address").GetString() == address))
                {
                    return mail;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
