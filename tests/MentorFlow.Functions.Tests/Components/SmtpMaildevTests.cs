using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MentorFlow.Testing;
using MimeKit;

namespace MentorFlow.Functions.Tests.Components;

public sealed class SmtpMaildevTests
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_mail_sent_over_SMTP_is_found_through_the_maildev_API()
    {
        var smtp = new Uri(RealComponents.Smtp.Setting);
        var api = new Uri(RealComponents.MaildevApi.Setting);
        await RealComponents.Smtp.EnsureListeningAsync(smtp);
        await RealComponents.MaildevApi.EnsureListeningAsync(api);

        var subject = $"Your action plan is ready to sign ({Guid.NewGuid():N})";
        using var message = new MimeMessage(
            [new MailboxAddress("MentorFlow", "mentorflow@district.example")],
            [new MailboxAddress("Dana Mentor", "dana.mentor@district.example")],
            subject,
            new TextPart("plain") { Text = "Open your link to sign the action plan." });

        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None);
            await client.SendAsync(message);
            await client.DisconnectAsync(quit: true);
        }

        var arrived = await WaitForMailAsync(api, subject);
        Assert.Equal("dana.mentor@district.example", arrived.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("mentorflow@district.example", arrived.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Contains("sign the action plan", arrived.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    // maildev stores a message just after it accepts it over SMTP: poll its API briefly.
    private static async Task<JsonElement> WaitForMailAsync(Uri api, string subject)
    {
        using var http = new HttpClient { BaseAddress = api };
        using var deadline = new CancellationTokenSource(ArrivalTimeout);
        while (true)
        {
            var mails = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/email", UriKind.Relative), deadline.Token) ?? [];
            foreach (var mail in mails)
            {
                if (mail.GetProperty("subject").GetString() == subject)
                {
                    return mail;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
