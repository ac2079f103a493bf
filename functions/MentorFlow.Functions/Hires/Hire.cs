using MentorFlow.Core.Educators;

namespace MentorFlow.Functions.Hires;

/// <summary>A beginning educator HR hired for a program year, paired with a mentor or not.</summary>
/// <param name="EmployeeId">HR's employee id (a paired mentee's is the pairing's <c>menteeEmployeeId</c>).</param>
/// <param name="Name">The educator's name.</param>
/// <param name="School">The school.</param>
/// <param name="Role">The role.</param>
/// <param name="InductionYear">The induction year, 1 to 3.</param>
/// <param name="HiredOn">The first day of employment.</param>
/// <param name="EmployedNextYear">
/// HR's answer on 1 October of the next school year: still employed by the district; null until HR knows (the roster is
/// sent again then, with this column filled in).
/// </param>
public sealed record Hire(string EmployeeId, string Name, string School, EducatorRole Role, int InductionYear, DateOnly HiredOn, bool? EmployedNextYear);
