using MentorFlow.Core.SignOffs;

namespace MentorFlow.Functions.Pages.Coordinator;

/// <summary>A decision read back before it is recorded.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="Mentee">The mentee's name.</param>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="Decision">What the coordinator chose.</param>
/// <param name="Reason">Why.</param>
/// <param name="From">Where they decided: "pairing" (its page) or "dashboard".</param>
/// <param name="FormToken">The antiforgery token the confirmation posts.</param>
public sealed record DecisionConfirmView(string PairingId, string Mentee, string Mentor, CoordinatorDecision Decision, string Reason, string From, string? FormToken);
