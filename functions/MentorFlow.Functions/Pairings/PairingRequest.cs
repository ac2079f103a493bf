using MentorFlow.Core.Educators;
using MentorFlow.Core.Settings;

namespace MentorFlow.Functions.Pairings;

/// <summary>
/// HR's request to start a pairing (the body of <c>POST /api/pairings</c>, or one CSV row): the mentor and the
/// mentee as HR knows them, and the pairing's district, school, year, term and start date.
/// </summary>
/// <param name="DistrictId">The district, as configured.</param>
/// <param name="ProgramYear">The program year, e.g. "2026-2027".</param>
/// <param name="School">The mentee's school.</param>
/// <param name="InductionYear">The mentee's induction year, 1 to 3.</param>
/// <param name="Term">FullYear, FirstHalf or SecondHalf.</param>
/// <param name="StartsOn">The pairing's first day (the hire or assignment date).</param>
/// <param name="Mentor">The mentor.</param>
/// <param name="Mentee">The mentee.</param>
/// <param name="EligibilityOverride">Why an untrained or less experienced mentor is accepted, when one is (recorded).</param>
public sealed record PairingRequest(
    string DistrictId,
    string ProgramYear,
    string School,
    int InductionYear,
    PairingTerm Term,
    DateOnly StartsOn,
    EducatorRequest Mentor,
    EducatorRequest Mentee,
    string? EligibilityOverride = null);

/// <summary>A person as HR sends them.</summary>
/// <param name="EmployeeId">HR's employee id.</param>
/// <param name="Name">Full name.</param>
/// <param name="Email">Work email.</param>
/// <param name="Role">Teacher, EarlyChildhoodEducator, SupportStaff, Consultant or Administrator.</param>
/// <param name="School">School or site.</param>
/// <param name="YearsOfExperience">Years in the role.</param>
/// <param name="MentorTrainedOn">When mentor training was completed, if it was.</param>
/// <param name="Rating">Latest rating band, if known.</param>
public sealed record EducatorRequest(
    string EmployeeId,
    string Name,
    string Email,
    EducatorRole Role,
    string School,
    int YearsOfExperience,
    DateOnly? MentorTrainedOn = null,
    RatingBand? Rating = null)
{
    /// <summary>The educator record.</summary>
    public Educator ToEducator() => new(EmployeeId.Trim(), Name.Trim(), Email.Trim(), Role, School.Trim(), YearsOfExperience, MentorTrainedOn, Rating);
}
