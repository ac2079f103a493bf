using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Pairings;

/// <summary>A pairing ending early; it feeds the retention figures.</summary>
/// <param name="EndedOn">The last day of the pairing.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="Note">Details (needed for <see cref="SeparationReason.Other"/>).</param>
public sealed record Separation(DateOnly EndedOn, SeparationReason Reason, string? Note = null)
{
    /// <summary>True when the mentee left the district: a beginning educator not retained.</summary>
    public bool MenteeNotRetained => Reason == SeparationReason.MenteeLeftDistrict;

    /// <summary>Rule violations; empty when usable.</summary>
    public IReadOnlyList<RuleViolation> Validate(DateOnly pairingStart) => new RuleCheck()
        .Require(EndedOn >= pairingStart, "endedOn", $"the end date cannot be before the pairing started ({pairingStart:yyyy-MM-dd})")
        .Require(Reason != SeparationReason.Other || !string.IsNullOrWhiteSpace(Note), "note", "say why the pairing ended")
        .Violations;
}
