using MentorFlow.Core.Pairings;

namespace MentorFlow.Functions.Pairings;

/// <summary>The body of <c>POST /api/pairings/{id}/end</c>: the pairing ended early.</summary>
/// <param name="EndedOn">The last day of the pairing.</param>
/// <param name="Reason">MenteeLeftDistrict, MentorLeftDistrict or Reassigned (see the API docs for all).</param>
/// <param name="Note">A short note for the coordinator (not a mentoring note), optional.</param>
public sealed record SeparationRequest(DateOnly EndedOn, SeparationReason Reason, string? Note = null);
