using System.Net.Mail;

namespace MentorFlow.Core.Educators;

/// <summary>Whether a text is a single plain email address (no display name).</summary>
public static class EmailAddress
{
    /// <summary>True for "name@host.tld".</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
