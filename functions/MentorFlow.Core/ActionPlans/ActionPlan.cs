using MentorFlow.Core.Validation;

namespace MentorFlow.Core.ActionPlans;

/// <summary>A collective commitment, starting "We will".</summary>
/// <param name="Text">The commitment.</param>
/// <param name="Category">Which question it answers.</param>
public sealed record Commitment(string Text, CommitmentCategory Category);

/// <summary>A goal for the mentoring relationship.</summary>
/// <param name="Goal">The goal.</param>
/// <param name="MentorSupport">How the mentor supports the mentee in it.</param>
/// <param name="MenteeAccountability">What the mentee is accountable for.</param>
public sealed record MentoringGoal(string Goal, string MentorSupport, string MenteeAccountability);

/// <summary>A signature: who and when.</summary>
/// <param name="Name">The name typed as the signature.</param>
/// <param name="SignedAt">When (UTC).</param>
public sealed record Signature(string Name, DateTime SignedAt);

/// <summary>The mentoring action plan both people agree and sign at kickoff.</summary>
/// <param name="MeetingTime">The regular meeting time, e.g. "Tuesdays 3:30 pm".</param>
/// <param name="MeetingPlace">The regular meeting place or video link.</param>
/// <param name="Commitments">4–6 collective commitments.</param>
/// <param name="Goals">3–5 goals.</param>
/// <param name="OffLimitsTopics">Topics off-limits in this relationship (may be "none").</param>
/// <param name="MentorSignature">The mentor's signature, once signed.</param>
/// <param name="MenteeSignature">The mentee's signature, once signed.</param>
public sealed record ActionPlan(
    string MeetingTime,
    string MeetingPlace,
    IReadOnlyList<Commitment> Commitments,
    IReadOnlyList<MentoringGoal> Goals,
    string OffLimitsTopics,
    Signature? MentorSignature = null,
    Signature? MenteeSignature = null)
{
    /// <summary>Fewest and most commitments.</summary>
    public const int MinCommitments = 4, MaxCommitments = 6;

    /// <summary>Fewest and most goals.</summary>
    public const int MinGoals = 3, MaxGoals = 5;

    /// <summary>True when both have signed.</summary>
    public bool IsSigned => MentorSignature is not null && MenteeSignature is not null;

    /// <summary>Rule violations, each naming its field; empty when the plan can be signed.</summary>
    public IReadOnlyList<RuleViolation> Validate()
    {
        var check = new RuleCheck()
            .RequireText(MeetingTime, "meetingTime", "the regular meeting time")
            .RequireText(MeetingPlace, "meetingPlace", "the regular meeting place")
            .Require(Commitments.Count is >= MinCommitments and <= MaxCommitments, "commitments",
                $"write {MinCommitments} to {MaxCommitments} commitments (there are {Commitments.Count})")
            .Require(Goals.Count is >= MinGoals and <= MaxGoals, "goals", $"write {MinGoals} to {MaxGoals} goals (there are {Goals.Count})")
            .RequireText(OffLimitsTopics, "offLimitsTopics", "the off-limits topics (write \"none\" if there are none)");
        for (var i = 0; i < Commitments.Count; i++)
        {
            var text = Commitments[i].Text?.Trim() ?? "";
            check.Require(text.StartsWith("We will ", StringComparison.OrdinalIgnoreCase) && text.Length > "We will ".Length,
                $"commitments[{i}].text", $"commitment {i + 1} must start with 'We will'");
        }

        for (var i = 0; i < Goals.Count; i++)
        {
            check.RequireText(Goals[i].Goal, $"goals[{i}].goal", $"goal {i + 1}")
                .RequireText(Goals[i].MentorSupport, $"goals[{i}].mentorSupport", $"how the mentor supports goal {i + 1}")
                .RequireText(Goals[i].MenteeAccountability, $"goals[{i}].menteeAccountability", $"what the mentee is accountable for in goal {i + 1}");
        }

        return check.Violations;
    }
}
