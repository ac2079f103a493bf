using System.Net;
using System.Net.Sockets;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Mail;
using MimeKit;

namespace MentorFlow.Functions.Tests.Mail;

public sealed class SmtpOutageTests
{
    [Fact]
    public async Task A_mail_server_that_cannot_be_reached_is_reported_as_certainly_not_sent()
    {
        // A port nobody listens on: taken from the system, then let go.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var mailer = new SmtpMailer(new SmtpSettings { Host = "127.0.0.1", Port = port, Security = MailKit.Security.SecureSocketOptions.None },
            MailboxAddress.Parse("MentorFlow <mentorflow@district.example>"), _ => null);
        var message = new ProgramMessage("p-1/ActionPlanInvite/Mentor/1", ProgramMessageKind.ActionPlanInvite, "p-1",
            new Recipient(RecipientRole.Mentor, "Maya Mentor", "maya@district.example"), "Your plan", "Sign it.");

        await Assert.ThrowsAsync<MailNotSentException>(() => mailer.SendAsync(message, default));
    }
}
