using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Educators;

/// <summary>
/// Who may mentor: a trained educator with at least 3 years of experience. An exception needs a
/// recorded reason (a district may have no trained mentor in a role yet).
/// </summary>
public static class MentorEligibility
{
    /// <summary>Years of experience a mentor needs.</summary>
    public const int MinimumYears = 3;

    /// <summary>Why <paramref name="mentor"/> may not mentor on <paramref name="onDate"/>; empty when eligible.</summary>
    public static IReadOnlyList<string> Problems(Educator mentor, DateOnly onDate)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var problems = new List<string>();
        if (mentor.MentorTrainedOn is not { } trained || trained > onDate)
        {
            problems.Add($"{mentor.Name} has not completed mentor training");
        }

        if (mentor.YearsOfExperience < MinimumYears)
        {
            problems.Add($"{mentor.Name} has {mentor.YearsOfExperience} year(s) of experience; a mentor needs at least {MinimumYears}");
        }

        return problems;
    }

    /// <summary>The violations for a pairing request: none when eligible or when an override reason is given.</summary>
    public static IReadOnlyList<RuleViolation> Check(Educator mentor, DateOnly onDate, string? overrideReason)
    {
        var problems = Problems(mentor, onDate);
        return problems.Count == 0 || !string.IsNullOrWhiteSpace(overrideReason)
            ? []
            : [new RuleViolation("mentor", $"{string.Join("; ", problems)}. Choose an eligible mentor, or give an override reason (it is recorded).")];
    }
}
