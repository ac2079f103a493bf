using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Midyear;

/// <summary>
/// The mentee's own word at midyear, beside the check the mentor fills in with them: how much the mentoring helps, and
/// whether they want the coordinator to get in touch. It is written for the coordinator, who reads it.
/// </summary>
/// <param name="Helpfulness">How much the mentoring helps, 1 (not at all) to 4 (a great deal).</param>
/// <param name="Concerns">A concern for the coordinator, if any.</param>
/// <param name="SupportRequested">True when the mentee asks the coordinator to get in touch.</param>
public sealed record MenteeMidyearWord(int Helpfulness, string? Concerns, bool SupportRequested)
{
    /// <summary>The longest concern kept.</summary>
    public const int MaxConcernLength = 2000;

    /// <summary>True when the coordinator should hear of it: support asked for, a concern written, or mentoring that does not help.</summary>
    public bool NeedsTheCoordinator => SupportRequested || !string.IsNullOrWhiteSpace(Concerns) || Helpfulness == 1;

    /// <summary>Rule violations; empty when it can be sent.</summary>
    public IReadOnlyList<RuleViolation> Validate() => new RuleCheck()
        .Require(Helpfulness is >= 1 and <= 4, "helpfulness", "choose how much the mentoring helps you, 1 to 4")
        .Require(Concerns is null || Concerns.Length <= MaxConcernLength, "concerns", $"the concern must be at most {MaxConcernLength} characters")
        .Violations;
}
