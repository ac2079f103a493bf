using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MentorFlow.Functions.Tests.Components;

public sealed class SmtpMaildevTests
{
    [Fact]
    public async Task A_mail_sent_over_SMTP_is_found_through_the_maildev_API()
    {
        var (smtp, api) = await Maildev.ReachAsync();

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

        var arrived = await Maildev.WaitForAsync(api, mail => mail.GetProperty("subject").GetString() == subject);
        Assert.Equal("dana.mentor@district.example", arrived.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("mentorflow@district.example", arrived.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.Contains("sign the action plan", arrived.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
