using MentorFlow.Core.Messaging;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Wording;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Coordinator;
using MentorFlow.Functions.Staff;
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
    PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, CoordinatorBoard board, PairingNudge nudge, DurableTaskClient engine, ISentMessageLedger ledger)
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
        if (await StaffAccess.CheckAsync(context, StaffPolicies.Coordinator) is { } refused)
        {
            return refused;
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var pairingId = form["pairingId"].ToString();
        string notice;
        switch (request.Query["handler"].ToString())
        {
            case "Decide":
                notice = await DecideAsync(pairingId, form["decision"].ToString(), cancellationToken);
                break;
            case "Nudge":
                notice = await nudge.SendAsync(pairingId, cancellationToken)
                    ? "Nudge sent: both of them got an email with their log-a-meeting link."
                    : "There is no such pairing; reload the page.";
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

    // Records the coordinator's decision on a year at sign-off: completed, incomplete, or extended.
    private async Task<string> DecideAsync(string pairingId, string posted, CancellationToken cancellationToken)
    {
        if (posted.Length == 0)
        {
            return "Nothing was decided: choose completed, incomplete or extended, then press Decide.";
        }

        var status = string.IsNullOrEmpty(pairingId) ? null : (await engine.GetInstanceAsync(pairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        if (status?.Stage is not (PairingStage.SignOff or PairingStage.CoordinatorDecision)
            || !Enum.TryParse<CoordinatorDecision>(posted, ignoreCase: true, out var decision) || !Enum.IsDefined(decision))
        {
            return "That pairing is not waiting for a decision any more; reload the page.";
        }

        await engine.RaiseEventAsync(pairingId, PairingYearOrchestrator.EventName, PairingYearEvent.Decided(decision), cancellationToken);
        return $"Decision recorded: {ProgramWords.Of(decision)}.";
    }
}
