using MentorFlow.Core.Messaging;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Wording;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Coordinator;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Coordinator;

/// <summary>The filters and sort of the coordinator's table, as its address carries them.</summary>
/// <param name="School">Only this school.</param>
/// <param name="Stage">Only this stage.</param>
/// <param name="Flag">Only pairings with this flag.</param>
/// <param name="Sort">The sort column.</param>
/// <param name="Descending">Largest first.</param>
public sealed record DashboardFilters(string? School, string? Stage, string? Flag, string? Sort, bool Descending)
{
    /// <summary>The filters of <paramref name="request"/>'s query string.</summary>
    public static DashboardFilters From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        string? Text(string name) => string.IsNullOrEmpty(query[name].ToString()) ? null : query[name][0];
        return new(Text("school"), Text("stage"), Text("flag"), Text("sort"), bool.TryParse(Text("desc"), out var desc) && desc);
    }

    /// <summary>The query string of these filters (another sort when given), for the CSV link and the sort links.</summary>
    public string Query(string? sort = null, bool? descending = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["school"] = School, ["stage"] = Stage, ["flag"] = Flag, ["sort"] = sort ?? Sort, ["desc"] = (descending ?? Descending) ? "true" : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}

/// <summary>What the coordinator's table shows.</summary>
/// <param name="Filters">The filters and sort asked for.</param>
/// <param name="Board">The rows, schools and the district's meetings per week.</param>
/// <param name="UnknownSends">Emails whose send was cut off: they may or may not have arrived, and are not sent again.</param>
/// <param name="Notice">What happened after a nudge or a decision.</param>
/// <param name="FormToken">The antiforgery token the nudge and decision forms post.</param>
public sealed record DashboardView(DashboardFilters Filters, Board Board, IReadOnlyList<UnknownSend> UnknownSends, string? Notice, string? FormToken);

/// <summary>
/// The coordinator's table of every pairing (<c>/coordinator</c>): filter, sort, download, nudge, and decide a year at
/// sign-off. For the coordinator only.
/// </summary>
public sealed class DashboardPage(
    PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, CoordinatorBoard board, PairingNudge nudge, DurableTaskClient engine, ISentMessageLedger ledger,
    IPairingRecords records, StaffActionLogging actions, TimeProvider now)
{
    /// <summary><c>GET /coordinator</c>: the coordinator's dashboard.</summary>
    [Function("Dashboard")]
    public async Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "coordinator")] HttpRequest request, [DurableClient] DurableTaskClient bound,
        CancellationToken cancellationToken)
    {
        // The page reads the years through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await GetAsync(request, cancellationToken)).AsAction();
    }

    /// <summary><c>POST /coordinator</c>: a decision or a nudge.</summary>
    [Function("DashboardPost")]
    public async Task<IActionResult> DashboardPost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "coordinator")] HttpRequest request, [DurableClient] DurableTaskClient bound,
        CancellationToken cancellationToken)
    {
        // The decision reaches the year through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await PostAsync(request, cancellationToken)).AsAction();
    }

    /// <summary>Shows the table, and any email whose send is unknown.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        if (await StaffAccess.CheckAsync(context, StaffPolicies.Coordinator) is { } refused)
        {
            return refused;
        }

        var filters = DashboardFilters.From(request);
        var view = await board.BuildAsync(new BoardQuery(filters.School, filters.Stage, filters.Flag, filters.Sort, filters.Descending), cancellationToken);
        var unknown = await ledger.ListUnknownAsync(cancellationToken);
        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        return await pages.RenderAsync<Dashboard, DashboardView>(context, "Pairings", new DashboardView(filters, view, unknown, notices.Take(context), token));
    }

    /// <summary>The nudge (<c>?handler=Nudge</c>) or decision (<c>?handler=Decide</c>) of one row, then the table again.</summary>
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var (form, refused) = await StaffAccess.ReadFormAsync(request, StaffPolicies.Coordinator, cancellationToken);
        if (form is null)
        {
            return refused!;
        }

        var pairingId = form["pairingId"].ToString();
        string notice;
        switch (request.Query["handler"].ToString())
        {
            case "Decide":
                var reason = form["reason"].ToString().Trim();
                if (DecisionProblem(form["decision"].ToString(), reason, out var decision) is { } problem)
                {
                    notice = problem;
                    break;
                }

                if (form["confirm"] != "yes")
                {
                    // Nothing is recorded until the coordinator confirms what they chose and why.
                    return await ConfirmAsync(context, pairingId, decision, reason, form["from"].ToString(), cancellationToken);
                }

                notice = await DecideAsync(pairingId, decision, cancellationToken);
                if (notice.StartsWith(DecisionRecorded, StringComparison.Ordinal))
                {
                    await actions.RecordAsync(context.User, pairingId, $"Decided: {ProgramWords.Of(decision)}", reason, cancellationToken);
                }

                break;
            case "Nudge":
                var sent = await nudge.SendAsync(pairingId, cancellationToken);
                notice = sent ? "Nudge sent: both of them got an email with their log-a-meeting link." : "There is no such pairing; reload the page.";
                if (sent)
                {
                    await actions.RecordAsync(context.User, pairingId, "Nudged the pair", null, cancellationToken);
                }

                break;
            default:
                return TypedResults.NotFound();
        }

        notices.Keep(context, notice);
        // An action taken on the pairing's own page returns there; from the table, to the table as it was filtered.
        return TypedResults.Redirect(form["from"] == "pairing" && pairingId.Length > 0
            ? $"/coordinator/pairings/{Uri.EscapeDataString(pairingId)}"
            : "/coordinator" + DashboardFilters.From(request).Query());
    }

    private const string DecisionRecorded = "Decision recorded";

    /// <summary>The longest reason for a decision.</summary>
    public const int MaxReasonLength = 1000;

    // What is missing from a decision as posted, or null when it can be confirmed.
    private static string? DecisionProblem(string posted, string reason, out CoordinatorDecision decision)
    {
        decision = default;
        if (posted.Length == 0 || !Enum.TryParse(posted, ignoreCase: true, out decision) || !Enum.IsDefined(decision) || int.TryParse(posted, out _))
        {
            return "Nothing was decided: choose completed, incomplete or extended, give the reason, then review the decision.";
        }

        if (reason.Length == 0)
        {
            return "Nothing was decided: give the reason for the decision; it is kept with it on the pairing's page.";
        }

        return Pairings.PairingTextLimits.Check("reason", reason, MaxReasonLength) is { Count: > 0 } refused
            ? $"Nothing was decided: the reason {refused[0].Message}"
            : null;
    }

    private async Task<IResult> ConfirmAsync(HttpContext context, string pairingId, CoordinatorDecision decision, string reason, string from, CancellationToken cancellationToken)
    {
        if (await records.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            notices.Keep(context, "There is no such pairing; reload the page.");
            return TypedResults.Redirect("/coordinator");
        }

        return await pages.RenderAsync<DecisionConfirm, DecisionConfirmView>(context, "Confirm the decision", new DecisionConfirmView(
            pairingId, record.Mentee.Name, record.Mentor.Name, decision, reason, from == "pairing" ? "pairing" : "dashboard",
            antiforgery.GetAndStoreTokens(context).RequestToken));
    }

    // Records the coordinator's decision on a year at sign-off: completed, incomplete, or extended.
    private async Task<string> DecideAsync(string pairingId, CoordinatorDecision decision, CancellationToken cancellationToken)
    {
        var status = string.IsNullOrEmpty(pairingId) ? null : (await engine.GetInstanceAsync(pairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        var closable = status?.ClosableFrom is { } from && now.GetUtcNow().UtcDateTime > from && decision == CoordinatorDecision.Incomplete;
        if (status?.Stage is not (PairingStage.SignOff or PairingStage.CoordinatorDecision) && !closable)
        {
            return "That pairing is not waiting for a decision any more; reload the page.";
        }

        await engine.RaiseEventAsync(pairingId, PairingYearOrchestrator.EventName, PairingYearEvent.Decided(decision), cancellationToken);
        return $"{DecisionRecorded}: {ProgramWords.Of(decision)}.";
    }
}
