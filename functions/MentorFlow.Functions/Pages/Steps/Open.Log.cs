using System.Globalization;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Submissions;
using Microsoft.AspNetCore.Mvc;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>
/// The standing log link: the mentor logs a meeting in under a minute (with private notes that stay with the pair), and
/// the mentee confirms or disputes the time the mentor logged; only confirmed time counts toward the hours.
/// </summary>
public sealed partial class OpenModel
{
    private const string LogKind = "log";
    private const int MaxNoteLength = 4000;

    /// <summary>What the log form holds.</summary>
    public LogMeetingForm Log { get; set; } = new();


    /// <summary>The pair's logs (with their notes: this page is only for the two of them).</summary>
    public IReadOnlyList<CollaborationLog> Logs { get; private set; } = [];

    /// <summary>The mentor's link to log an observation cycle, shown beside the meeting log.</summary>
    public Uri? ObservationLink { get; private set; }

    /// <summary>True while meetings can be logged: the year runs and has not finished.</summary>
    public bool LogOpen => Progress is { Stage: not PairingStage.Finished };

    private async Task ShowLogsAsync(CancellationToken cancellationToken)
    {
        Logs = await submissions.ListAsync<CollaborationLog>(Link!.PairingId, LogKind, cancellationToken);
        ObservationLink = new Uri($"/s/{signer.Sign(Link with { Step = ObservationStep })}", UriKind.Relative);
        if (string.IsNullOrEmpty(Log.LogId) || ModelState.IsValid)
        {
            Log = LogMeetingForm.New(Today);
        }
    }

    private async Task<IActionResult?> PostLogAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Log, nameof(Log));
        if (!LogOpen || string.IsNullOrWhiteSpace(Log.LogId) || Log.LogId.Length > 64)
        {
            return null;
        }

        var date = DateOnly.TryParseExact(Log.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var minutes = int.TryParse(Log.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        if (date is null)
        {
            ModelState.AddModelError("Log.Date", "Give the date of the meeting, e.g. 2026-09-08.");
        }

        if (minutes is null)
        {
            ModelState.AddModelError("Log.Minutes", "Give how long it took in whole minutes, e.g. 45.");
        }

        if (Log.PrivateNotes?.Length > MaxNoteLength)
        {
            ModelState.AddModelError("Log.PrivateNotes", $"Keep notes under {MaxNoteLength:N0} characters; these have {Log.PrivateNotes.Length:N0}.");
        }

        var log = new CollaborationLog(Log.LogId, date ?? Today, minutes ?? 0, Log.Virtual, Log.OutsideContractDay, [.. Log.Activities.Distinct()],
            string.IsNullOrWhiteSpace(Log.PrivateNotes) ? null : Log.PrivateNotes.Trim());
        ShowRuleErrors(nameof(Log), log.Validate(Pairing!.Pairing.StartsOn, Today));

        if (!ModelState.IsValid)
        {
            Logs = await submissions.ListAsync<CollaborationLog>(Link!.PairingId, LogKind, cancellationToken);
            return Page();
        }

        // The form's own id makes a second post of the same form (a double tap, a refresh) change nothing.
        if (!await submissions.TryAddAsync(Link!.PairingId, LogKind, log.LogId, log, Now, PairingYearEvent.Logged(log.ToInteraction()), cancellationToken))
        {
            return AlreadySubmitted("Already submitted: that meeting was logged before.");
        }

        await RaiseSavedEventsAsync(cancellationToken);
        Confirmation = string.Create(CultureInfo.InvariantCulture, $"Logged: {log.Minutes} minutes on {log.Date:dddd d MMMM}. Your mentee will be asked to confirm the time.");
        return RedirectToPage();
    }

    private async Task<IActionResult?> PostConfirmationAsync(CancellationToken cancellationToken)
    {
        var logs = await submissions.ListAsync<CollaborationLog>(Link!.PairingId, LogKind, cancellationToken);
        // One radio group per pending log: Confirm[logId] = Confirmed or Disputed.
        var posted = Request.Form.Keys.Where(k => k.StartsWith("Confirm[", StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => (LogId: k["Confirm[".Length..^1], Value: Request.Form[k].ToString(), Choice: ConfirmationChoice.Read(Request.Form[k])))
            .Where(c => c.Value.Length > 0)
            .ToList();
        var choices = posted.Where(c => c.Choice != TimeConfirmation.Pending).ToDictionary(c => c.LogId, c => c.Choice, StringComparer.Ordinal);
        var pending = logs.Where(l => l.Confirmation == TimeConfirmation.Pending).ToList();
        var answered = pending.Where(l => choices.ContainsKey(l.LogId)).ToList();
        var unreadable = pending.Where(l => posted.Any(c => c.LogId == l.LogId && c.Choice == TimeConfirmation.Pending)).ToList();
        if (LogOpen && unreadable.Count > 0)
        {
            // An answer the form does not offer is refused whole: nothing of this post is stored.
            foreach (var log in unreadable)
            {
                ModelState.AddModelError($"Confirm[{log.LogId}]", "Choose Confirm or Dispute for this meeting.");
            }

            Logs = logs;
            return Page();
        }

        if (LogOpen && choices.Count == 0 && pending.Count > 0)
        {
            // Confirming time is the mentee's word that it happened, so nothing is confirmed by default.
            foreach (var log in pending)
            {
                ModelState.AddModelError($"Confirm[{log.LogId}]", "Choose Confirm or Dispute for this meeting.");
            }

            Logs = logs;
            return Page();
        }

        if (!LogOpen || answered.Count == 0)
        {
            return AlreadySubmitted("Already submitted: there is no logged time waiting for you to confirm.");
        }

        var confirmed = answered.Where(l => choices[l.LogId] == TimeConfirmation.Confirmed).Select(l => l.LogId).ToList();
        var disputed = answered.Where(l => choices[l.LogId] == TimeConfirmation.Disputed).Select(l => l.LogId).ToList();
        // Each answer lands only on a log still pending as read: of racing posts one confirms, the year hears it once.
        if (!await submissions.TryReplaceAsync(Link.PairingId, LogKind, [.. answered.Select(l => new SubmissionChange<CollaborationLog>(l.LogId, l, l with { Confirmation = choices[l.LogId] }))],
            Now, PairingYearEvent.Confirmed(confirmed, disputed), cancellationToken))
        {
            return AlreadySubmitted("Already submitted: your answer for that time was in before.");
        }

        await RaiseSavedEventsAsync(cancellationToken);
        Confirmation = $"Thank you: {confirmed.Count} confirmed, {disputed.Count} disputed.";
        return RedirectToPage();
    }
}

/// <summary>The log-a-meeting form as posted.</summary>
public sealed class LogMeetingForm
{
    /// <summary>The new log's id, made when the form is shown, so posting it twice logs it once.</summary>
    public string? LogId { get; set; }

    /// <summary>The day it happened (YYYY-MM-DD).</summary>
    public string? Date { get; set; }

    /// <summary>How long, in minutes.</summary>
    public string? Minutes { get; set; }

    /// <summary>By video or phone.</summary>
    public bool Virtual { get; set; }

    /// <summary>Outside the contract day (counts toward the required hours).</summary>
    public bool OutsideContractDay { get; set; }

    /// <summary>What they did.</summary>
    public List<CollaborationActivity> Activities { get; set; } = [];

    /// <summary>The pair's own notes.</summary>
    public string? PrivateNotes { get; set; }

    /// <summary>An empty form for a meeting today: a regular meeting of 45 minutes.</summary>
    public static LogMeetingForm New(DateOnly today) => new()
    {
        LogId = Guid.NewGuid().ToString("N"),
        Date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Minutes = "45",
        Activities = [CollaborationActivity.RegularMeeting],
    };
}
