namespace MentorFlow.Core.Messaging;

/// <summary>Sends program messages: an outbox folder of .eml files when embedded, SMTP when configured.</summary>
public interface IProgramMessenger
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    Task SendAsync(ProgramMessage message, CancellationToken cancellationToken);
}
