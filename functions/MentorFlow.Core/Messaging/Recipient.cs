namespace MentorFlow.Core.Messaging;

/// <summary>Who a program message is for.</summary>
public enum RecipientRole
{
    /// <summary>The mentor.</summary>
    Mentor,

    /// <summary>The mentee.</summary>
    Mentee,

    /// <summary>The program coordinator.</summary>
    Coordinator,
}

/// <summary>A person a message goes to.</summary>
/// <param name="Role">Their part in the pairing.</param>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their email address.</param>
public sealed record Recipient(RecipientRole Role, string Name, string Email);
