using MentorFlow.Core.ActionPlans;

namespace MentorFlow.Core.Tests.Rules;

public sealed class ActionPlanTests
{
    private static ActionPlan Plan(int commitments = 4, int goals = 3) => new(
        "Tuesdays 3:30 pm",
        "Room 12",
        [.. Enumerable.Range(1, commitments).Select(i => new Commitment($"We will keep promise {i}.", CommitmentCategory.Participation))],
        [.. Enumerable.Range(1, goals).Select(i => new MentoringGoal($"Goal {i}", "Models a lesson", "Tries it in class"))],
        "Evaluations of colleagues");

    [Fact]
    public void A_complete_plan_has_no_violations() => Assert.Empty(Plan().Validate());

    [Fact]
    public void A_commitment_not_starting_with_We_will_is_named_by_its_number()
    {
        var plan = Plan();
        plan = plan with { Commitments = [.. plan.Commitments.Select((c, i) => i == 2 ? c with { Text = "Be on time." } : c)] };

        var violation = Assert.Single(plan.Validate());

        Assert.Equal("commitments[2].text", violation.Field);
        Assert.Equal("commitment 3 must start with 'We will'", violation.Message);
    }

    [Theory]
    [InlineData(3, 3, "commitments")]
    [InlineData(7, 3, "commitments")]
    [InlineData(4, 2, "goals")]
    [InlineData(4, 6, "goals")]
    public void Too_few_or_too_many_commitments_or_goals_are_refused(int commitments, int goals, string field) =>
        Assert.Contains(Plan(commitments, goals).Validate(), v => v.Field == field);

    [Fact]
    public void A_goal_without_mentor_support_names_that_field()
    {
        var plan = Plan() with { Goals = [new("Goal 1", " ", "Tries it"), new("Goal 2", "a", "b"), new("Goal 3", "a", "b")] };

        Assert.Equal(["goals[0].mentorSupport"], plan.Validate().Select(v => v.Field));
    }
}
