using MentorFlow.Core.Logs;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Coordinator;

/// <summary>One pairing for the coordinator: its year, its meetings per week, its logs and observations — never the pair's notes.</summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
public sealed class PairingModel(IPairingRecords records, ISubmissionStore submissions, DurableTaskClient engine) : PageModel
{
    /// <summary>The pairing.</summary>
    public PairingRecord? Record { get; private set; }

    /// <summary>Where its year stands.</summary>
    public PairingYearStatus? Progress { get; private set; }

    /// <summary>The outcome, once finished.</summary>
    public PairingYearOutcome? Outcome { get; private set; }

    /// <summary>The logs without their notes.</summary>
    public IReadOnlyList<LoggedInteraction> Interactions { get; private set; } = [];

    /// <summary>The observation cycles.</summary>
    public IReadOnlyList<ObservationCycle> Cycles { get; private set; } = [];

    /// <summary>Logged meetings per week (Monday).</summary>
    public IReadOnlyList<(DateOnly Week, int Meetings)> MeetingsPerWeek { get; private set; } = [];

    /// <summary>Shows the pairing, or a 404 page.</summary>
    public async Task<IActionResult> OnGetAsync(string pairingId, CancellationToken cancellationToken)
    {
        Record = await records.FindAsync(pairingId, cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        var year = await engine.GetInstanceAsync(pairingId, getInputsAndOutputs: true, cancellationToken);
        Progress = year?.ReadCustomStatusAs<PairingYearStatus>();
        Outcome = year?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? year.ReadOutputAs<PairingYearOutcome>() : null;
        // The notes are dropped here, before anything reaches the page.
        Interactions = [.. (await submissions.ListAsync<CollaborationLog>(pairingId, "log", cancellationToken)).Select(l => l.ToInteraction()).OrderBy(l => l.Date)];
        Cycles = await submissions.ListAsync<ObservationCycle>(pairingId, "observation", cancellationToken);
        MeetingsPerWeek = [.. Interactions
            .GroupBy(l => l.Date.AddDays(-(((int)l.Date.DayOfWeek + 6) % 7)))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))];
        return Page();
    }
}
