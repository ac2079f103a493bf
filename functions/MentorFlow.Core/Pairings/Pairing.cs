using MentorFlow.Core.Educators;
using MentorFlow.Core.Settings;
using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Pairings;

/// <summary>
/// A mentor and a mentee working together for a program year. One mentor may have several mentees,
/// and a mentee may have more than one mentor (a mentoring web): each is its own pairing.
/// </summary>
/// <param name="PairingId">The pairing's id (also its PairingYear instance id).</param>
/// <param name="DistrictId">The district.</param>
/// <param name="School">The mentee's school.</param>
/// <param name="ProgramYear">The program year, e.g. "2026-2027".</param>
/// <param name="MentorId">The mentor's employee id.</param>
/// <param name="MenteeId">The mentee's employee id.</param>
/// <param name="InductionYear">The mentee's induction year, 1 to 3.</param>
/// <param name="Term">Full year or one half-year term.</param>
/// <param name="StartsOn">The day the pairing starts (its hire or assignment date, or the term's start).</param>
/// <param name="EligibilityOverride">Why an ineligible mentor was accepted, when one was.</param>
public sealed record Pairing(
    string PairingId,
    string DistrictId,
    string School,
    string ProgramYear,
    string MentorId,
    string MenteeId,
    int InductionYear,
    PairingTerm Term,
    DateOnly StartsOn,
    string? EligibilityOverride = null)
{
    /// <summary>
    /// Checks a new pairing against the program rules: the people exist and differ, the mentor is
    /// eligible (or an override reason is given), the induction year and dates fit the program year.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Validate(Pairing pairing, Educator mentor, Educator mentee, DistrictProgramSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        ArgumentNullException.ThrowIfNull(mentor);
        ArgumentNullException.ThrowIfNull(mentee);
        ArgumentNullException.ThrowIfNull(settings);
        var (termStart, termEnd) = settings.TermDates(pairing.Term);
        return new RuleCheck()
            .RequireText(pairing.PairingId, "pairingId", "the pairing id")
            .Require(pairing.DistrictId == settings.DistrictId, "districtId", $"district '{pairing.DistrictId}' does not match the program settings")
            .Require(pairing.ProgramYear == settings.ProgramYear, "programYear", $"the program year must be {settings.ProgramYear}")
            .Require(pairing.MentorId == mentor.EmployeeId && pairing.MenteeId == mentee.EmployeeId, "mentorId", "the mentor and mentee records do not match the pairing")
            .Require(mentor.EmployeeId != mentee.EmployeeId, "mentorId", "a mentor cannot mentor themselves; choose another mentor")
            .Require(pairing.InductionYear is >= 1 and <= 3, "inductionYear", "the induction year must be 1, 2 or 3")
            .Require(pairing.StartsOn >= termStart && pairing.StartsOn < termEnd, "startsOn",
                $"the start date must fall in the {pairing.Term} term ({termStart:yyyy-MM-dd} to {termEnd:yyyy-MM-dd})")
            .Include(mentor.Validate(), "mentor")
            .Include(mentee.Validate(), "mentee")
            .Include(MentorEligibility.Check(mentor, pairing.StartsOn, pairing.EligibilityOverride), "eligibility")
            .Violations;
    }
}
