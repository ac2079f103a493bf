namespace MentorFlow.Core.Messaging;

/// <summary>
/// A messenger's word that the message certainly did not leave (the mail server could not be reached, or refused it
/// before taking it), so it may be sent again. Any other failure leaves it unknown whether the message went.
/// </summary>
public sealed class MailNotSentException : Exception
{
    /// <summary>A message that did not go.</summary>
    public MailNotSentException()
    {
    }

    /// <summary>A message that did not go, and why.</summary>
    public MailNotSentException(string message)
        : base(message)
    {
    }

    /// <summary>A message that did not go, because of <paramref name="innerException"/>.</summary>
    public MailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
