using System.Globalization;
using System.Text.Json;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Submissions;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// The mentor corrects or withdraws a meeting they logged until the mentee has confirmed it: a correction keeps the log's
/// id (the year replaces the log and the mentee is asked again); a withdrawal, once confirmed on the page, takes the log
/// out of every count. A confirmed log is refused both, whatever is posted.
/// </summary>
public sealed partial class StepFormPage
{
    private const string Confirmed = "Your mentee confirmed that meeting, so it can no longer be changed or withdrawn. Nothing was saved.";
    private const string Gone = "That meeting is no longer logged (it was withdrawn). Nothing was saved.";

    // The link itself, for "keep it" and "cancel": the page without its question.
    private static Uri SelfOf(StepVisit visit)
    {
        var request = visit.Context.Request;
        return new Uri(request.PathBase.Add(request.Path).ToUriComponent(), UriKind.Relative);
    }

    // What the mentor's page was asked for (?edit=id or ?withdraw=id): the correction form or the withdrawal question.
    private static (LogMeetingForm? Form, CollaborationLog? Withdrawing) Asked(StepVisit visit, IReadOnlyList<CollaborationLog> logs)
    {
        var query = visit.Context.Request.Query;
        var (asked, withdraw) = query.ContainsKey("edit") ? (query["edit"].ToString(), false)
            : query.ContainsKey("withdraw") ? (query["withdraw"].ToString(), true)
            : (null, false);
        if (asked is null)
        {
            return (null, null);
        }

        var log = logs.FirstOrDefault(l => l.LogId == asked);
        if (log is null || log.Confirmation == TimeConfirmation.Confirmed)
        {
            visit.Confirmation = log is null ? "That meeting is not among your logs (it may have been withdrawn)." : "Your mentee confirmed that meeting, so it can no longer be changed or withdrawn.";
            return (null, null);
        }

        return withdraw ? (null, log) : (LogMeetingForm.Correct(log), null);
    }

    // True (and the page says why) when the stored log may not be corrected: gone, or confirmed.
    private static bool CannotCorrect(StepVisit visit, CollaborationLog? stored)
    {
        if (stored is null || stored.Confirmation == TimeConfirmation.Confirmed)
        {
            visit.AlreadySubmitted(stored is null ? Gone : Confirmed);
            return true;
        }

        return false;
    }

    private async Task<IResult> SaveCorrectionAsync(StepVisit visit, CollaborationLog stored, CollaborationLog corrected, CancellationToken cancellationToken)
    {
        // The same correction posted twice (a double tap, a refresh) saves once and asks the mentee once.
        if (Json(corrected) == Json(stored with { Confirmation = TimeConfirmation.Pending, DisputeReason = null }) && stored.Confirmation == TimeConfirmation.Pending)
        {
            visit.AlreadySubmitted("Already saved: that meeting already reads like this.");
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        // Lands only on the log as read: a confirmation that came in meanwhile wins, and the correction changes nothing.
        if (!await submissions.TryReplaceAsync(visit.Link.PairingId, LogKind, [new SubmissionChange<CollaborationLog>(stored.LogId, stored, corrected)], Now,
                PairingYearEvent.Logged(corrected.ToInteraction()), cancellationToken))
        {
            visit.AlreadySubmitted("Your mentee answered for that meeting meanwhile; see where it stands below. Nothing was saved.");
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, string.Create(CultureInfo.InvariantCulture,
            $"Corrected: {corrected.Minutes} minutes on {corrected.Date:dddd d MMMM}. Your mentee will be asked to confirm the time again."));
    }

    private async Task<IResult> PostWithdrawalAsync(StepVisit visit, string logId, CancellationToken cancellationToken)
    {
        if (!LogOpen(visit))
        {
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        var stored = await submissions.FindAsync<CollaborationLog>(visit.Link.PairingId, LogKind, logId, cancellationToken);
        if (CannotCorrect(visit, stored))
        {
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        if (!await submissions.TryWithdrawAsync(visit.Link.PairingId, LogKind, logId, stored!, Now, PairingYearEvent.Withdrawn(logId), cancellationToken))
        {
            visit.AlreadySubmitted("Your mentee answered for that meeting meanwhile, or it was already withdrawn. Nothing was saved.");
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, string.Create(CultureInfo.InvariantCulture,
            $"Withdrawn: the {stored!.Minutes} minutes on {stored.Date:dddd d MMMM} no longer count."));
    }

    private static string Json(CollaborationLog log) => JsonSerializer.Serialize(log, DurableJson.Options);
}
