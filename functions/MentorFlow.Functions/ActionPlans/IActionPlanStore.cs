using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Year;

namespace MentorFlow.Functions.ActionPlans;

/// <summary>Where each pairing's action plan (and its signatures) is kept.</summary>
public interface IActionPlanStore
{
    /// <summary>The pairing's plan, or null before anyone saved one.</summary>
    Task<ActionPlan?> FindAsync(string pairingId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the plan and, in the same transaction, the year event it owes (<see cref="Submissions.PendingYearEvents"/>);
    /// false (and nothing saved) when <paramref name="expected"/> is no longer the stored plan.
    /// </summary>
    Task<bool> SaveAsync(string pairingId, ActionPlan? expected, ActionPlan plan, PairingYearEvent yearEvent, DateTime savedAt, CancellationToken cancellationToken);
}
