using MentorFlow.Core.Logs;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// The mentee's answer for one logged meeting as the confirmation form posts it: only the two answers the form offers
/// are read, by name, so a posted number (Enum.TryParse takes "7") or any other value is refused, not stored.
/// </summary>
public static class ConfirmationChoice
{
    /// <summary>The answer <paramref name="posted"/> names: Confirmed or Disputed; Pending when it names neither.</summary>
    public static TimeConfirmation Read(string? posted) => posted switch
    {
        nameof(TimeConfirmation.Confirmed) => TimeConfirmation.Confirmed,
        nameof(TimeConfirmation.Disputed) => TimeConfirmation.Disputed,
        _ => TimeConfirmation.Pending,
    };
}
