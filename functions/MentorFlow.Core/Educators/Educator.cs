using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Educators;

/// <summary>A person in the program, as HR knows them.</summary>
/// <param name="EmployeeId">HR's employee id, unique in the district.</param>
/// <param name="Name">Full name.</param>
/// <param name="Email">Work email, where steps are sent.</param>
/// <param name="Role">Role in the organization.</param>
/// <param name="School">School or site.</param>
/// <param name="YearsOfExperience">Years in the role.</param>
/// <param name="MentorTrainedOn">When the educator finished mentor training, if they have.</param>
/// <param name="Rating">Latest rating band, if known.</param>
public sealed record Educator(
    string EmployeeId,
    string Name,
    string Email,
    EducatorRole Role,
    string School,
    int YearsOfExperience,
    DateOnly? MentorTrainedOn = null,
    RatingBand? Rating = null)
{
    /// <summary>Rule violations in this record; empty when it is usable.</summary>
    public IReadOnlyList<RuleViolation> Validate() => new RuleCheck()
        .RequireText(EmployeeId, "employeeId", "the HR employee id")
        .RequireText(Name, "name", "the name")
        .Require(EmailAddress.IsValid(Email), "email", $"'{Email}' is not an email address")
        .RequireText(School, "school", "the school")
        .Require(YearsOfExperience is >= 0 and <= 60, "yearsOfExperience", "years of experience must be between 0 and 60")
        .Violations;
}
