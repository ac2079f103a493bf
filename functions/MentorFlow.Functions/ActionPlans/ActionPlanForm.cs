using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Validation;

namespace MentorFlow.Functions.ActionPlans;

/// <summary>
/// The action plan as the form posts it: six commitment rows and five goal rows, of which the filled ones count, and the
/// name typed as a signature. Blank rows are skipped; an error names the row the person sees.
/// </summary>
public sealed class ActionPlanForm
{
    /// <summary>Commitment rows on the form.</summary>
    public const int CommitmentRows = ActionPlan.MaxCommitments;

    /// <summary>Goal rows on the form.</summary>
    public const int GoalRows = ActionPlan.MaxGoals;

    /// <summary>The regular meeting time.</summary>
    public string? MeetingTime { get; set; }

    /// <summary>The regular meeting place or video link.</summary>
    public string? MeetingPlace { get; set; }

    /// <summary>The commitment rows.</summary>
    public List<CommitmentRow> Commitments { get; set; } = [];

    /// <summary>The goal rows.</summary>
    public List<GoalRow> Goals { get; set; } = [];

    /// <summary>Off-limits topics.</summary>
    public string? OffLimitsTopics { get; set; }

    /// <summary>The name typed as the signature.</summary>
    public string? SignatureName { get; set; }

    /// <summary>A form holding <paramref name="plan"/> (or empty rows), padded to the full number of rows.</summary>
    public static ActionPlanForm From(ActionPlan? plan)
    {
        var form = new ActionPlanForm
        {
            MeetingTime = plan?.MeetingTime,
            MeetingPlace = plan?.MeetingPlace,
            OffLimitsTopics = plan?.OffLimitsTopics,
            Commitments = [.. (plan?.Commitments ?? []).Select(c => new CommitmentRow { Text = c.Text, Category = c.Category })],
            Goals = [.. (plan?.Goals ?? []).Select(g => new GoalRow { Goal = g.Goal, MentorSupport = g.MentorSupport, MenteeAccountability = g.MenteeAccountability })],
        };
        return form.Padded();
    }

    /// <summary>The form with empty rows added up to the full number.</summary>
    public ActionPlanForm Padded()
    {
        while (Commitments.Count < CommitmentRows)
        {
            Commitments.Add(new CommitmentRow());
        }

        while (Goals.Count < GoalRows)
        {
            Goals.Add(new GoalRow());
        }

        return this;
    }

    /// <summary>The plan the filled rows make, and each rule it breaks named by the form field the person sees.</summary>
    public (ActionPlan Plan, IReadOnlyList<RuleViolation> Errors) ToPlan()
    {
        var commitments = Commitments.Select((row, index) => (row, index)).Where(r => !string.IsNullOrWhiteSpace(r.row.Text)).ToList();
        var goals = Goals.Select((row, index) => (row, index))
            .Where(r => !string.IsNullOrWhiteSpace(r.row.Goal) || !string.IsNullOrWhiteSpace(r.row.MentorSupport) || !string.IsNullOrWhiteSpace(r.row.MenteeAccountability))
            .ToList();
        var plan = new ActionPlan(
            MeetingTime?.Trim() ?? "", MeetingPlace?.Trim() ?? "",
            [.. commitments.Select(c => new Commitment(c.row.Text!.Trim(), c.row.Category))],
            [.. goals.Select(g => new MentoringGoal(g.row.Goal?.Trim() ?? "", g.row.MentorSupport?.Trim() ?? "", g.row.MenteeAccountability?.Trim() ?? ""))],
            OffLimitsTopics?.Trim() ?? "");
        // The plan numbers filled rows; the person sees the rows of the form.
        var errors = plan.Validate().Select(v => v with { Field = FormField(v.Field, commitments.Select(c => c.index).ToList(), goals.Select(g => g.index).ToList()) }).ToList();
        return (plan, errors);
    }

    private static string FormField(string field, List<int> commitmentRows, List<int> goalRows)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return char.ToUpperInvariant(field[0]) + field[1..];
        }

        var list = field[..bracket];
        var close = field.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(field[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture);
        var row = list == "commitments" ? commitmentRows[index] : goalRows[index];
        var property = field[(close + 2)..];
        return $"{char.ToUpperInvariant(list[0])}{list[1..]}[{row}].{char.ToUpperInvariant(property[0])}{property[1..]}";
    }
}

/// <summary>One commitment row of the form.</summary>
public sealed class CommitmentRow
{
    /// <summary>The commitment, starting "We will".</summary>
    public string? Text { get; set; }

    /// <summary>Which question it answers.</summary>
    public CommitmentCategory Category { get; set; }
}

/// <summary>One goal row of the form.</summary>
public sealed class GoalRow
{
    /// <summary>The goal.</summary>
    public string? Goal { get; set; }

    /// <summary>How the mentor supports it.</summary>
    public string? MentorSupport { get; set; }

    /// <summary>What the mentee is accountable for.</summary>
    public string? MenteeAccountability { get; set; }
}
