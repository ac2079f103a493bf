using System.Text.Json;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Components;

public sealed class SmtpMailerTests
{
    [Fact]
    public async Task With_SMTP_configured_the_step_emails_go_through_it_with_their_signed_links()
    {
        var (smtp, api) = await Maildev.ReachAsync();
        await using var app = await RunningApp.StartAsync(
            "--MentorFlow:Mail:Smtp:Host", smtp.Host, "--MentorFlow:Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--MentorFlow:Mail:Smtp:Security", "None");
        var mentee = $"E{Guid.NewGuid():N}"[..12];
        var body = JsonSerializer.Serialize(PairingRequests.Valid(menteeId: mentee)).Replace("sam.okafor@", $"{mentee}@", StringComparison.Ordinal);
        using var hr = app.Client();
        using var created = await hr.PostAsync("/api/pairings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();

        await app.RunEngineAsync();

        var address = $"{mentee}@demo-district.example";
        var mail = await Maildev.WaitForAsync(api, m => m.GetProperty("to").EnumerateArray().Any(to => to.GetProperty("address").GetString() == address));
        Assert.Equal("Your mentoring action plan — with Maria Alvarez", mail.GetProperty("subject").GetString());
        Assert.Contains("/s/", mail.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Open your form", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.Outbox)); // nothing went to the outbox folder
    }
}
