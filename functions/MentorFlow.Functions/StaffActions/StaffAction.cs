namespace MentorFlow.Functions.StaffActions;

/// <summary>Something a member of staff did to a pairing, kept with who and when, and shown on the pairing's page.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="At">When (UTC, on the app's clock).</param>
/// <param name="Who">The staff member's name as they signed in (a role's name when they signed in with the role's key).</param>
/// <param name="What">What they did, in words (e.g. "Decided: Completed the program year").</param>
/// <param name="Reason">Why, when they gave a reason.</param>
public sealed record StaffAction(string PairingId, DateTime At, string Who, string What, string? Reason = null);
