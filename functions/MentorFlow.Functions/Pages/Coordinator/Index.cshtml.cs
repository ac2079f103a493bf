using MentorFlow.Core.Messaging;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Coordinator;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Coordinator;

/// <summary>Every pairing at a glance: who is behind, on what, since when; filter, sort, download, nudge.</summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
public sealed class IndexModel(CoordinatorBoard board, PairingNudge nudge, DurableTaskClient engine, ISentMessageLedger ledger) : PageModel
{
    /// <summary>Only this school.</summary>
    [BindProperty(SupportsGet = true)]
    public string? School { get; set; }

    /// <summary>Only this stage.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    /// <summary>Only pairings with this flag.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Flag { get; set; }

    /// <summary>The sort column.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>Largest first.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    /// <summary>What happened after a nudge.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The board.</summary>
    public Board View { get; private set; } = new([], [], []);

    /// <summary>The query string of the current filters, for the CSV link and the sort links.</summary>
    public string Query(string? sort = null, bool? desc = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["school"] = School, ["stage"] = Stage, ["flag"] = Flag, ["sort"] = sort ?? Sort, ["desc"] = (desc ?? Desc) ? "true" : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    /// <summary>Emails whose send was cut off: they may or may not have arrived, and are not sent again.</summary>
    public IReadOnlyList<UnknownSend> UnknownSends { get; private set; } = [];

    /// <summary>Shows the table, and any email whose send is unknown.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await board.BuildAsync(new BoardQuery(School, Stage, Flag, Sort, Desc), cancellationToken);
        UnknownSends = await ledger.ListUnknownAsync(cancellationToken);
    }

    /// <summary>Records the coordinator's decision on a year at sign-off: completed, incomplete, or extended.</summary>
    public async Task<IActionResult> OnPostDecideAsync(string pairingId, CoordinatorDecision decision, CancellationToken cancellationToken)
    {
        var status = (await engine.GetInstanceAsync(pairingId, cancellationToken))?.ReadCustomStatusAs<PairingYearStatus>();
        if (status?.Stage is not (PairingStage.SignOff or PairingStage.CoordinatorDecision) || !Enum.IsDefined(decision))
        {
            Notice = "That pairing is not waiting for a decision any more; reload the page.";
        }
        else
        {
            await engine.RaiseEventAsync(pairingId, PairingYearOrchestrator.EventName, PairingYearEvent.Decided(decision), cancellationToken);
            Notice = $"Decision recorded: {decision}.";
        }

        return Redirect("/coordinator" + Query());
    }

    /// <summary>Emails the pair a nudge with their log link.</summary>
    public async Task<IActionResult> OnPostNudgeAsync(string pairingId, CancellationToken cancellationToken)
    {
        Notice = await nudge.SendAsync(pairingId, cancellationToken)
            ? "Nudge sent: both of them got an email with their log-a-meeting link."
            : "There is no such pairing; reload the page.";
        return Redirect("/coordinator" + Query());
    }
}
