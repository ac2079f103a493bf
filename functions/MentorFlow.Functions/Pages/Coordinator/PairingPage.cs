using MentorFlow.Core.Messaging;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Pages.Steps;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Submissions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Coordinator;

/// <summary>What the coordinator's page of one pairing shows.</summary>
/// <param name="Record">The pairing.</param>
/// <param name="Progress">Where its year stands.</param>
/// <param name="Outcome">The outcome, once finished.</param>
/// <param name="Interactions">The logs without their notes.</param>
/// <param name="Cycles">The observation cycles.</param>
/// <param name="MeetingsPerWeek">Logged meetings per week (Monday).</param>
/// <param name="Notice">What the last action did, once.</param>
/// <param name="FormToken">The antiforgery token the actions post.</param>
/// <param name="Plan">The action plan, once saved (the coordinator sees it all year; its off-limits topics stay the pair's).</param>
/// <param name="Midyear">The midyear check, once submitted.</param>
/// <param name="Actions">What staff did to the pairing, with who and when.</param>
public sealed record PairingView(
    PairingRecord Record, PairingYearStatus? Progress, PairingYearOutcome? Outcome, IReadOnlyList<LoggedInteraction> Interactions,
    IReadOnlyList<ObservationCycle> Cycles, IReadOnlyList<(DateOnly Week, int Meetings)> MeetingsPerWeek, string? Notice = null, string? FormToken = null,
    ActionPlan? Plan = null, MidyearCheck? Midyear = null, IReadOnlyList<StaffAction>? Actions = null)
{
    /// <summary>The emails the pairing was sent, oldest first (what and to whom; never their addresses).</summary>
    public IReadOnlyList<SentEmail> Emails { get; init; } = [];

    /// <summary>The program's clock as the page was made (UTC).</summary>
    public DateTime Now { get; init; }

    /// <summary>The mentee's own word at midyear, once given (written for the coordinator).</summary>
    public MenteeMidyearWord? MenteeMidyear { get; init; }

    /// <summary>Why the year is flagged at risk, in words; empty when it is not.</summary>
    public IReadOnlyList<string> AtRiskReasons => Progress?.Flags.Contains("at-risk") != true ? [] :
    [
        .. Midyear is { } check && check.HoursToDate < check.PaceHours
            ? [string.Create(System.Globalization.CultureInfo.InvariantCulture, $"behind pace at midyear: {check.HoursToDate:0.#} confirmed hours of {check.PaceHours:0.#} expected")]
            : Array.Empty<string>(),
        .. Midyear?.SupportRequested == true ? ["the pair asked for support"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(Midyear?.Concerns) ? Array.Empty<string>() : ["the pair wrote a concern (below)"],
        .. MenteeMidyear?.SupportRequested == true ? ["the mentee asked you to get in touch"] : Array.Empty<string>(),
        .. MenteeMidyear?.Helpfulness == 1 ? ["the mentee says the mentoring does not help"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(MenteeMidyear?.Concerns) ? Array.Empty<string>() : ["the mentee wrote a concern (below)"],
    ];
}

/// <summary>One pairing for the coordinator (<c>/coordinator/pairings/{pairingId}</c>): its year, meetings, logs and observations — never the pair's notes.</summary>
public sealed class PairingPage(
    PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, IPairingRecords records, ISubmissionStore submissions, IActionPlanStore plans,
    IStaffActionLog actions, DurableTaskClient engine, TimeProvider clock, ISentMessageLedger ledger)
{
    /// <summary><c>GET /coordinator/pairings/{pairingId}</c>: one pairing's page.</summary>
    [Function("PairingPage")]
    public async Task<IActionResult> Pairing(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "coordinator/pairings/{pairingId}")] HttpRequest request, string pairingId,
        [DurableClient] DurableTaskClient bound, CancellationToken cancellationToken)
    {
        // The page reads the year through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await GetAsync(request, pairingId, cancellationToken)).AsAction();
    }

    /// <summary>Shows the pairing, or 404.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, string pairingId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await StaffAccess.CheckAsync(request.HttpContext, StaffPolicies.Coordinator) is { } refused)
        {
            return refused;
        }

        if (await records.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return TypedResults.NotFound();
        }

        var year = await engine.GetInstanceAsync(pairingId, getInputsAndOutputs: true, cancellationToken);
        var progress = year?.ReadCustomStatusAs<PairingYearStatus>();
        var outcome = year?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? year.ReadOutputAs<PairingYearOutcome>() : null;
        // The notes are dropped here, before anything reaches the page.
        List<LoggedInteraction> interactions = [.. (await submissions.ListAsync<CollaborationLog>(pairingId, "log", cancellationToken)).Select(l => l.ToInteraction()).OrderBy(l => l.Date)];
        var cycles = await submissions.ListAsync<ObservationCycle>(pairingId, "observation", cancellationToken);
        List<(DateOnly Week, int Meetings)> perWeek = [.. interactions
            .GroupBy(l => l.Date.AddDays(-(((int)l.Date.DayOfWeek + 6) % 7)))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count()))];
        return await pages.RenderAsync<Pairing, PairingView>(request.HttpContext, $"{record.Mentee.Name} with {record.Mentor.Name}",
            new PairingView(record, progress, outcome, interactions, cycles, perWeek, notices.Take(request.HttpContext),
                antiforgery.GetAndStoreTokens(request.HttpContext).RequestToken, await plans.FindAsync(pairingId, cancellationToken),
                await submissions.FindAsync<MidyearCheck>(pairingId, StepFormPage.MidyearStep, "current", cancellationToken),
                await actions.ListAsync(pairingId, cancellationToken)) {
                    Now = clock.GetUtcNow().UtcDateTime, Emails = await ledger.ListForPairingAsync(pairingId, cancellationToken),
                    MenteeMidyear = await submissions.FindAsync<MenteeMidyearWord>(pairingId, StepFormPage.MenteeMidyearKind, "current", cancellationToken),
                });
    }
}
