using MailKit.Net.Smtp;
using MailKit.Security;
using MentorFlow.Core.Messaging;
using MimeKit;

namespace MentorFlow.Functions.Mail;

/// <summary>How to reach the district's SMTP server (<c>MentorFlow:Mail:Smtp</c>); without a host, mail goes to the outbox folder.</summary>
public sealed class SmtpSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MentorFlow:Mail:Smtp";

    /// <summary>The server's host name; empty means no SMTP.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port (587 by default).</summary>
    public int Port { get; set; } = 587;

    /// <summary>The user name, when the server asks for one.</summary>
    public string? User { get; set; }

    /// <summary>The password for <see cref="User"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
}

/// <summary>
/// Sends program messages through the district's SMTP server with MailKit; the same mail the outbox would hold. A server
/// that cannot be reached or refuses the message raises <see cref="MailNotSentException"/>, so the message is tried again later.
/// </summary>
public sealed class SmtpMailer(SmtpSettings settings, MailboxAddress from, Func<ProgramMessage, Uri?> linkFor, TimeProvider? clock = null) : IProgramMessenger
{
    /// <inheritdoc/>
    public async Task SendAsync(ProgramMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mime = ProgramMail.Compose(message, from, linkFor(message), (clock ?? TimeProvider.System).GetUtcNow());
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new MailNotSentException("The mail server could not be reached or did not accept the login.", e);
        }

        try
        {
            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            // The server answered with a refusal, so it did not take the message; a connection lost mid-send stays unknown.
            throw new MailNotSentException("The mail server refused the message.", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or MailKit.ServiceNotConnectedException)
        {
            // The message was taken already; a rough goodbye changes nothing.
        }
    }
}
