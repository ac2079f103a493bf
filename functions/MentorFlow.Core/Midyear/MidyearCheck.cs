using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Midyear;

/// <summary>Progress on one action-plan goal at midyear.</summary>
/// <param name="GoalNumber">The goal's number in the action plan (1-based).</param>
/// <param name="Progress">Progress, 1 (not started) to 4 (met).</param>
/// <param name="Comment">A short comment.</param>
public sealed record GoalProgress(int GoalNumber, int Progress, string? Comment = null);

/// <summary>The midyear check the pair fills in, with hours pre-filled.</summary>
/// <param name="Goals">Progress per goal.</param>
/// <param name="HoursToDate">Confirmed hours outside the contract day so far (pre-filled).</param>
/// <param name="PaceHours">Hours pace expects by now (pre-filled).</param>
/// <param name="Concerns">Concerns the pair raises for the coordinator.</param>
/// <param name="SupportRequested">True when the pair asks the coordinator for support.</param>
public sealed record MidyearCheck(IReadOnlyList<GoalProgress> Goals, decimal HoursToDate, decimal PaceHours, string? Concerns, bool SupportRequested)
{
    /// <summary>Rule violations; empty when it can be submitted.</summary>
    public IReadOnlyList<RuleViolation> Validate()
    {
        var check = new RuleCheck().Require(Goals.Count > 0, "goals", "give progress on at least one goal");
        for (var i = 0; i < Goals.Count; i++)
        {
            check.Require(Goals[i].Progress is >= 1 and <= 4, $"goals[{i}].progress", $"progress on goal {Goals[i].GoalNumber} must be 1 to 4");
        }

        return check.Violations;
    }
}
