using System.Text;
using System.Text.RegularExpressions;
using MentorFlow.Core.Messaging;
using MimeKit;

namespace MentorFlow.Functions.Mail;

/// <summary>
/// The embedded mail sender: each program message becomes a real .eml file (MimeKit) in the outbox folder, named after
/// its idempotency key so a message is written once. Any mail program opens them.
/// </summary>
public sealed partial class EmlOutbox(string folder, MailboxAddress from, Func<ProgramMessage, Uri?> linkFor, TimeProvider? clock = null) : IProgramMessenger
{
    /// <inheritdoc/>
    public async Task SendAsync(ProgramMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(message.IdempotencyKey));
        if (File.Exists(path))
        {
            return;
        }

        using var mime = ProgramMail.Compose(message, from, linkFor(message), (clock ?? TimeProvider.System).GetUtcNow());
        // Written aside, then moved: the outbox never holds half a message.
        var partial = path + ".partial";
        try
        {
            await mime.WriteToAsync(partial, cancellationToken);
        }
        catch (IOException e)
        {
            throw new MailNotSentException("The outbox folder could not be written.", e);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The file a message with <paramref name="idempotencyKey"/> is written to.</summary>
    public static string FileName(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return Unsafe().Replace(idempotencyKey, "_") + ".eml";
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}

/// <summary>How a program message looks as email: plain text and HTML, the .ics invite when there is one, a Message-Id from its key.</summary>
public static class ProgramMail
{
    /// <summary>The MIME message for <paramref name="message"/>, with the signed <paramref name="link"/> to its step when it has one.</summary>
    public static MimeMessage Compose(ProgramMessage message, MailboxAddress from, Uri? link, DateTimeOffset? sentAt = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Dated by the program's clock, so a demo's year on a virtual clock reads in order in a mail program.
        var mime = new MimeMessage { Date = sentAt ?? DateTimeOffset.UtcNow };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.To.Name, message.To.Email));
        mime.Subject = message.Subject;
        // The same key always gives the same Message-Id, so a mail system can drop a resend.
        mime.MessageId = $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..32]}@mentorflow";
        // The coordinator's link opens the pairing's page behind sign-in; a pair's link is a personal form link.
        var staff = message.To.Role == RecipientRole.Coordinator;
        var (label, note) = staff ? ("Open the pairing's page", "You will be asked to sign in.") : ("Open your form", "This link is yours alone; do not forward it.");
        var action = link is null ? "" : $"\n\n{label}: {link}\n({note})";
        var text = $"Hello {message.To.Name},\n\n{message.Body}{action}\n\n— MentorFlow, for your district's induction and mentoring program";
        var button = link is null ? "" :
            $"<p><a href=\"{Html(link.ToString())}\" style=\"display:inline-block;padding:.6em 1.2em;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px\">{label}</a></p>" +
            $"<p style=\"color:#444\">{note}</p>";
        var html = $"<p>Hello {Html(message.To.Name)},</p>{string.Concat(message.Body.Split("\n\n").Select(p => $"<p>{Html(p)}</p>"))}{button}" +
            "<p style=\"color:#444\">— MentorFlow, for your district's induction and mentoring program</p>";
        var body = new BodyBuilder { TextBody = text, HtmlBody = html };
        if (message.Invite is { } invite)
        {
            var ics = MeetingInviteCalendar.ToIcs(invite, $"{message.PairingId}-regular-meeting@mentorflow");
            body.Attachments.Add("mentoring-meeting.ics", Encoding.UTF8.GetBytes(ics), ContentType.Parse(MeetingInviteCalendar.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
