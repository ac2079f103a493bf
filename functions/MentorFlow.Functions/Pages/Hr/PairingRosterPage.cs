using MentorFlow.Core.Pairings;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Hr;

/// <summary>The end form of one pairing, as typed (kept after an error).</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="EndedOn">The last day, as typed.</param>
/// <param name="Reason">The reason chosen.</param>
/// <param name="Note">The note.</param>
public sealed record PairingEndForm(string PairingId, string? EndedOn, string? Reason, string? Note);

/// <summary>What HR's roster of pairings shows: every pairing, and the end form of the one being ended.</summary>
/// <param name="Pairings">Every pairing, newest district first is not needed: by district, then as added.</param>
/// <param name="Ending">The pairing being ended, with its form.</param>
/// <param name="Errors">What is wrong with the end form, beside each field.</param>
/// <param name="Notice">What the last end did, once.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
public sealed record PairingRosterView(
    IReadOnlyList<PairingRecord> Pairings, (PairingRecord Record, PairingEndForm Form)? Ending, FieldErrors Errors, string? Notice, string? FormToken);

/// <summary>HR's roster of pairings (<c>/hr/pairings</c>): every pairing and where it stands; end one early (<c>?end={id}</c>). The coordinator may use it too, as the API lets them end a pairing.</summary>
public sealed class PairingRosterPage(
    PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, IPairingRecords records, DistrictDirectory districts, PairingEnding ending)
{
    /// <summary><c>GET /hr/pairings</c>: the roster, with the end form of <c>?end=</c>'s pairing.</summary>
    [Function("PairingRosterPage")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "hr/pairings")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await StaffAccess.CheckAsync(request.HttpContext, StaffPolicies.HrOrCoordinator) is { } refused)
        {
            return refused.AsAction();
        }

        var id = request.Query["end"].ToString();
        return (await ShowAsync(request.HttpContext, id.Length == 0 ? null : new PairingEndForm(id, null, null, null), new FieldErrors(), StatusCodes.Status200OK,
            cancellationToken)).AsAction();
    }

    /// <summary><c>POST /hr/pairings</c>: ends a pairing early, or shows the form again with what to fix.</summary>
    [Function("PairingRosterPagePost")]
    public async Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "hr/pairings")] HttpRequest request, [DurableClient] DurableTaskClient bound,
        CancellationToken cancellationToken)
    {
        // The end reaches the year through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        ArgumentNullException.ThrowIfNull(request);
        var (posted, refused) = await StaffAccess.ReadFormAsync(request, StaffPolicies.HrOrCoordinator, cancellationToken);
        if (posted is null)
        {
            return refused!.AsAction();
        }

        var form = new PairingEndForm(posted["pairingId"].ToString(), posted["endedOn"].ToString(), posted["reason"].ToString(), posted["note"].ToString());
        var errors = new FieldErrors();
        var endedOn = TypedText.Day(form.EndedOn);
        if (endedOn is null)
        {
            errors.Add("endedOn", "Give the pairing's last day, e.g. 2027-03-12.");
        }

        var reason = TypedText.Named<SeparationReason>(form.Reason);
        if (reason is null)
        {
            errors.Add("reason", "Choose why the pairing ended.");
        }

        if (await ending.FindAsync(form.PairingId, cancellationToken) is not { } record)
        {
            notices.Keep(request.HttpContext, "There is no such pairing; reload the page.");
            return TypedResults.Redirect("/hr/pairings").AsAction();
        }

        if (errors.IsEmpty)
        {
            var ended = await ending.EndAsync(record, new SeparationRequest(endedOn!.Value, reason!.Value, form.Note), request.HttpContext.User, cancellationToken);
            foreach (var error in ended.Errors)
            {
                errors.Add(error.Field, char.ToUpperInvariant(error.Message[0]) + error.Message[1..]);
            }

            if (errors.IsEmpty)
            {
                notices.Keep(request.HttpContext, ended.Earlier is { } earlier
                    ? $"{ended.Record.Mentee.Name}'s pairing had already ended on {earlier.EndedOn:d MMMM yyyy}; nothing changed."
                    : $"Ended: {ended.Record.Mentee.Name} with {ended.Record.Mentor.Name}, last day {endedOn:d MMMM yyyy}. The coordinator is told.");
                return TypedResults.Redirect("/hr/pairings").AsAction();
            }
        }

        return (await ShowAsync(request.HttpContext, form, errors, StatusCodes.Status422UnprocessableEntity, cancellationToken)).AsAction();
    }

    private async Task<IResult> ShowAsync(HttpContext context, PairingEndForm? form, FieldErrors errors, int status, CancellationToken cancellationToken)
    {
        var all = new List<PairingRecord>();
        foreach (var (id, _) in districts.All)
        {
            all.AddRange(await records.ListAsync(id, cancellationToken));
        }

        var ending = form is null ? null : all.FirstOrDefault(p => p.Pairing.PairingId == form.PairingId) is { } record ? (record, form) : ((PairingRecord, PairingEndForm)?)null;
        return await pages.RenderAsync<PairingRoster, PairingRosterView>(context, "Pairings",
            new PairingRosterView(all, ending, errors, notices.Take(context), antiforgery.GetAndStoreTokens(context).RequestToken), status);
    }
}
