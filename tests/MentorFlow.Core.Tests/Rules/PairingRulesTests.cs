using MentorFlow.Core.Educators;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Settings;

namespace MentorFlow.Core.Tests.Rules;

public sealed class PairingRulesTests
{
    private static readonly DistrictProgramSettings Settings = DistrictProgramSettings.ForSchoolYear("district-1", 2026);
    private static readonly Educator Mentor = new("E100", "Maya Mentor", "maya@district.example", EducatorRole.Teacher, "North Elementary", 8, new DateOnly(2025, 6, 1), RatingBand.Proficient);
    private static readonly Educator Mentee = new("E200", "Nico New", "nico@district.example", EducatorRole.EarlyChildhoodEducator, "North Elementary", 0);

    private static Pairing Pairing(string? overrideReason = null) =>
        new("p-1", "district-1", "North Elementary", "2026-2027", Mentor.EmployeeId, Mentee.EmployeeId, 1, PairingTerm.FullYear, new DateOnly(2026, 9, 1), overrideReason);

    [Fact]
    public void An_eligible_mentor_and_a_new_mentee_make_a_valid_pairing() =>
        Assert.Empty(Pairings.Pairing.Validate(Pairing(), Mentor, Mentee, Settings));

    [Fact]
    public void An_untrained_mentor_with_two_years_is_refused_with_both_reasons_unless_an_override_is_given()
    {
        var untrained = Mentor with { MentorTrainedOn = null, YearsOfExperience = 2 };

        var violation = Assert.Single(Pairings.Pairing.Validate(Pairing(), untrained, Mentee, Settings));
        Assert.Equal("eligibility.mentor", violation.Field);
        Assert.Contains("has not completed mentor training", violation.Message, StringComparison.Ordinal);
        Assert.Contains("a mentor needs at least 3", violation.Message, StringComparison.Ordinal);
        Assert.Contains("override reason", violation.Message, StringComparison.Ordinal);

        var overridden = Pairing("Only ECE mentor in the building; training booked for October");
        Assert.Empty(Pairings.Pairing.Validate(overridden, untrained, Mentee, Settings));
        Assert.Equal("Only ECE mentor in the building; training booked for October", overridden.EligibilityOverride);
    }

    [Fact]
    public void Training_completed_after_the_start_date_does_not_count() =>
        Assert.NotEmpty(MentorEligibility.Problems(Mentor with { MentorTrainedOn = new DateOnly(2026, 10, 1) }, new DateOnly(2026, 9, 1)));

    [Fact]
    public void Self_mentoring_a_bad_induction_year_and_a_start_outside_the_term_are_each_named()
    {
        var pairing = Pairing() with { MenteeId = Mentor.EmployeeId, InductionYear = 4, StartsOn = new DateOnly(2027, 7, 1) };

        var fields = Pairings.Pairing.Validate(pairing, Mentor, Mentor, Settings).Select(v => v.Field).ToList();

        Assert.Contains("mentorId", fields);
        Assert.Contains("inductionYear", fields);
        Assert.Contains("startsOn", fields);
    }

    [Fact]
    public void One_mentor_may_have_several_mentees_and_a_mentee_several_mentors()
    {
        var secondMentee = Mentee with { EmployeeId = "E201", Email = "ana@district.example" };
        var secondMentor = Mentor with { EmployeeId = "E101", Email = "omar@district.example" };

        Assert.Empty(Pairings.Pairing.Validate(Pairing() with { PairingId = "p-2", MenteeId = "E201" }, Mentor, secondMentee, Settings));
        Assert.Empty(Pairings.Pairing.Validate(Pairing() with { PairingId = "p-3", MentorId = "E101" }, secondMentor, Mentee, Settings));
    }

    [Fact]
    public void Settings_with_terms_out_of_order_are_refused()
    {
        var broken = Settings with { FirstHalfEnd = new DateOnly(2027, 3, 1), SecondHalfStart = new DateOnly(2027, 2, 1) };

        Assert.Equal(["terms"], broken.Validate().Select(v => v.Field));
        Assert.Empty(Settings.Validate());
        Assert.Equal(20, Settings.RequiredHours(PairingTerm.FullYear));
        Assert.Equal(10, Settings.RequiredHours(PairingTerm.SecondHalf));
    }
}
