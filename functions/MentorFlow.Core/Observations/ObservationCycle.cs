using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Observations;

/// <summary>An observation with its pre- and post-conference.</summary>
/// <param name="CycleId">The cycle's id.</param>
/// <param name="Type">Who observes whom.</param>
/// <param name="PreConferenceOn">The pre-conference day.</param>
/// <param name="ObservedOn">The observation day.</param>
/// <param name="PostConferenceOn">The post-conference day.</param>
/// <param name="Focus">What the observation looks at.</param>
/// <param name="SubstituteHours">Substitute coverage used, in hours.</param>
public sealed record ObservationCycle(
    string CycleId,
    ObservationType Type,
    DateOnly PreConferenceOn,
    DateOnly ObservedOn,
    DateOnly PostConferenceOn,
    string Focus,
    decimal SubstituteHours)
{
    /// <summary>Rule violations; <paramref name="substituteHoursLeft"/> is what the pairing's allowance still has.</summary>
    public IReadOnlyList<RuleViolation> Validate(DateOnly pairingStart, DateOnly today, decimal substituteHoursLeft) => new RuleCheck()
        .RequireText(CycleId, "cycleId", "the cycle id")
        .Require(PreConferenceOn >= pairingStart, "preConferenceOn", $"the pre-conference cannot be before the pairing started ({pairingStart:yyyy-MM-dd})")
        .Require(PreConferenceOn <= ObservedOn, "observedOn", "the observation cannot be before the pre-conference")
        .Require(ObservedOn <= PostConferenceOn, "postConferenceOn", "the post-conference cannot be before the observation")
        .Require(PostConferenceOn <= today, "postConferenceOn", "log a cycle once its post-conference has happened")
        .RequireText(Focus, "focus", "the observation focus")
        .Require(SubstituteHours >= 0, "substituteHours", "substitute hours cannot be negative")
        .Require(SubstituteHours <= substituteHoursLeft, "substituteHours",
            $"only {substituteHoursLeft:0.#} substitute hour(s) are left in this pairing's allowance; ask the coordinator for more")
        .Violations;
}
