using System.Globalization;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Submissions;

namespace MentorFlow.Functions.Pages.Steps;

/// <summary>What the mentor's log-a-meeting page shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Form">What the form holds (what was typed, after an error).</param>
/// <param name="Errors">What is wrong, beside each field.</param>
/// <param name="Open">True while meetings can be logged: the year runs and has not finished.</param>
/// <param name="Logs">The pair's logs (with their notes: this page is only for the two of them).</param>
/// <param name="ObservationLink">The mentor's link to log an observation cycle, shown beside the meeting log.</param>
/// <param name="Hours">The pair's confirmed hours outside the contract day so far, of those required.</param>
/// <param name="Self">This page's own address (without a question), for "keep it" and "cancel".</param>
/// <param name="Withdrawing">The log the mentor asked to withdraw, while the page asks them to confirm it.</param>
public sealed record LogStepView(
    StepHeading Heading, string? FormToken, LogMeetingForm Form, FieldErrors Errors, bool Open, IReadOnlyList<CollaborationLog> Logs, Uri ObservationLink,
    PairingHours Hours, Uri Self, CollaborationLog? Withdrawing = null);

/// <summary>What the mentee's confirmation page shows.</summary>
/// <param name="Heading">The top of the page.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
/// <param name="Pending">The logs waiting for the mentee's answer, oldest first.</param>
/// <param name="Chosen">The answers already chosen, by field name (<c>Confirm[logId]</c>), when the form comes back with an error.</param>
/// <param name="Errors">What is wrong, beside each meeting.</param>
/// <param name="History">Every log of the pair this year, with where it stands.</param>
/// <param name="Hours">The pair's confirmed hours outside the contract day so far, of those required.</param>
public sealed record ConfirmStepView(
    StepHeading Heading, string? FormToken, IReadOnlyList<CollaborationLog> Pending, IReadOnlyDictionary<string, string> Chosen, FieldErrors Errors,
    IReadOnlyList<CollaborationLog> History, PairingHours Hours);

/// <summary>
/// The standing log link: the mentor logs a meeting in under a minute (with private notes that stay with the pair), and
/// the mentee confirms or disputes the time the mentor logged; only confirmed time counts toward the hours.
/// </summary>
public sealed partial class StepFormPage
{
    private const string LogKind = "log";
    private const int MaxNoteLength = 4000;
    private const string ChooseAnAnswer = "Choose Confirm or Dispute for this meeting.";
    private const string SayWhy = "Say briefly what is not right, so your mentor can correct it.";

    /// <summary>Longest reason for a dispute, in characters.</summary>
    public const int MaxReasonLength = 300;

    private static bool LogOpen(StepVisit visit) => visit.Progress is { Stage: not PairingStage.Finished };

    private async Task<IResult> ShowLogAsync(StepVisit visit, LogMeetingForm? form, CancellationToken cancellationToken, CollaborationLog? withdrawing = null)
    {
        var logs = await submissions.ListAsync<CollaborationLog>(visit.Link.PairingId, LogKind, cancellationToken);
        if (form is null && withdrawing is null && visit.Errors.IsEmpty && LogOpen(visit))
        {
            (form, withdrawing) = Asked(visit, logs);
        }

        var observationLink = new Uri($"/s/{signer.Sign(visit.Link with { Step = ObservationStep })}", UriKind.Relative);
        return await RenderAsync<LogStepForm, LogStepView>(visit,
            new LogStepView(visit.Heading, visit.FormToken, form ?? LogMeetingForm.New(Today), visit.Errors, LogOpen(visit), logs, observationLink,
                PairingHours.Of(logs, RequiredHours(visit)), SelfOf(visit), withdrawing));
    }

    private async Task<IResult> PostLogAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        if (posted.Has("Withdraw.LogId"))
        {
            return await PostWithdrawalAsync(visit, posted.Text("Withdraw.LogId") ?? "", cancellationToken);
        }

        var form = new LogMeetingForm
        {
            Correcting = posted.Flag("Log.Correcting"),
            LogId = posted.Text("Log.LogId"),
            Date = posted.Text("Log.Date"),
            Minutes = posted.Text("Log.Minutes"),
            Virtual = posted.Flag("Log.Virtual"),
            OutsideContractDay = posted.Flag("Log.OutsideContractDay"),
            PrivateNotes = posted.Text("Log.PrivateNotes"),
        };
        foreach (var value in posted.All("Log.Activities"))
        {
            if (Enum.TryParse<CollaborationActivity>(value, ignoreCase: true, out var activity) && Enum.IsDefined(activity))
            {
                form.Activities.Add(activity);
            }
            else
            {
                posted.Errors.Add("Log.Activities", "Choose what you did from the list.");
            }
        }

        if (!LogOpen(visit) || string.IsNullOrWhiteSpace(form.LogId) || form.LogId.Length > 64)
        {
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        // A correction is checked against what is stored before anything else: a confirmed log changes for no post.
        var stored = form.Correcting ? await submissions.FindAsync<CollaborationLog>(visit.Link.PairingId, LogKind, form.LogId, cancellationToken) : null;
        if (form.Correcting && CannotCorrect(visit, stored))
        {
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        var errors = visit.Errors;
        var date = TypedText.Day(form.Date?.Trim());
        var minutes = int.TryParse(form.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        if (date is null)
        {
            errors.Add("Log.Date", "Give the date of the meeting, e.g. 2026-09-08.");
        }

        if (minutes is null)
        {
            errors.Add("Log.Minutes", "Give how long it took in whole minutes, e.g. 45.");
        }

        if (form.PrivateNotes?.Length > MaxNoteLength)
        {
            errors.Add("Log.PrivateNotes", $"Keep notes under {MaxNoteLength:N0} characters; these have {form.PrivateNotes.Length:N0}.");
        }

        var log = new CollaborationLog(form.LogId, date ?? Today, minutes ?? 0, form.Virtual, form.OutsideContractDay, [.. form.Activities.Distinct()],
            string.IsNullOrWhiteSpace(form.PrivateNotes) ? null : form.PrivateNotes.Trim());
        ShowRuleErrors(errors, "Log", log.Validate(visit.Pairing.Pairing.StartsOn, Today));

        if (!errors.IsEmpty)
        {
            return await ShowLogAsync(visit, form, cancellationToken);
        }

        if (stored is not null)
        {
            return await SaveCorrectionAsync(visit, stored, log, cancellationToken);
        }

        // The form's own id makes a second post of the same form (a double tap, a refresh) change nothing.
        if (!await submissions.TryAddAsync(visit.Link.PairingId, LogKind, log.LogId, log, Now, PairingYearEvent.Logged(log.ToInteraction()), cancellationToken))
        {
            visit.AlreadySubmitted("Already submitted: that meeting was logged before.");
            return await ShowLogAsync(visit, form: null, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        return Saved(visit, string.Create(CultureInfo.InvariantCulture, $"Logged: {log.Minutes} minutes on {log.Date:dddd d MMMM}. Your mentee will be asked to confirm the time."));
    }

    private async Task<IResult> ShowConfirmationAsync(StepVisit visit, CancellationToken cancellationToken) =>
        await RenderConfirmationAsync(visit, await submissions.ListAsync<CollaborationLog>(visit.Link.PairingId, LogKind, cancellationToken), new Dictionary<string, string>());

    private Task<IResult> RenderConfirmationAsync(StepVisit visit, IReadOnlyList<CollaborationLog> logs, IReadOnlyDictionary<string, string> chosen) =>
        RenderAsync<ConfirmStepForm, ConfirmStepView>(visit, new ConfirmStepView(visit.Heading, visit.FormToken,
            [.. logs.Where(l => l.Confirmation == TimeConfirmation.Pending).OrderBy(l => l.Date)], chosen, visit.Errors, logs, PairingHours.Of(logs, RequiredHours(visit))));

    private async Task<IResult> PostConfirmationAsync(StepVisit visit, PostedForm posted, CancellationToken cancellationToken)
    {
        var logs = await submissions.ListAsync<CollaborationLog>(visit.Link.PairingId, LogKind, cancellationToken);
        var pending = logs.Where(l => l.Confirmation == TimeConfirmation.Pending).ToList();
        // One radio group per pending log: Confirm[logId] = Confirmed or Disputed.
        var posts = posted.Names.Where(k => k.StartsWith("Confirm[", StringComparison.Ordinal) && k.EndsWith(']'))
            .Select(k => (LogId: k["Confirm[".Length..^1], Key: k, Value: string.Join(',', posted.All(k))))
            .Where(p => p.Value.Length > 0)
            .Select(p => (p.LogId, p.Key, p.Value, Choice: ConfirmationChoice.Read(p.Value)))
            .ToList();
        // A form shown again with an error keeps the answers already chosen.
        var chosen = posts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var reasons = pending.ToDictionary(l => l.LogId, l => Reason(posted.Text(ReasonKey(l.LogId))), StringComparer.Ordinal);
        foreach (var (logId, reason) in reasons.Where(r => r.Value.Length > 0))
        {
            chosen[ReasonKey(logId)] = reason;
        }

        var choices = posts.Where(p => p.Choice != TimeConfirmation.Pending).ToDictionary(p => p.LogId, p => p.Choice, StringComparer.Ordinal);
        var answered = pending.Where(l => choices.ContainsKey(l.LogId)).ToList();
        var unreadable = pending.Where(l => posts.Any(p => p.LogId == l.LogId && p.Choice == TimeConfirmation.Pending)).ToList();
        if (LogOpen(visit) && unreadable.Count > 0)
        {
            // An answer the form does not offer is refused whole: nothing of this post is stored.
            unreadable.ForEach(log => visit.Errors.Add(ConfirmKey(log.LogId), ChooseAnAnswer));
            return await RenderConfirmationAsync(visit, logs, chosen);
        }

        if (LogOpen(visit) && choices.Count == 0 && pending.Count > 0)
        {
            // Confirming time is the mentee's word that it happened, so nothing is confirmed by default.
            pending.ForEach(log => visit.Errors.Add(ConfirmKey(log.LogId), ChooseAnAnswer));
            return await RenderConfirmationAsync(visit, logs, chosen);
        }

        // A dispute says why, so the mentor can put it right; a reason too long is refused, not cut.
        foreach (var log in answered.Where(l => choices[l.LogId] == TimeConfirmation.Disputed))
        {
            if (reasons[log.LogId].Length == 0)
            {
                visit.Errors.Add(ReasonKey(log.LogId), SayWhy);
            }
            else if (reasons[log.LogId].Length > MaxReasonLength)
            {
                visit.Errors.Add(ReasonKey(log.LogId), $"Keep the reason under {MaxReasonLength} characters; it has {reasons[log.LogId].Length}.");
            }
        }

        if (LogOpen(visit) && !visit.Errors.IsEmpty)
        {
            return await RenderConfirmationAsync(visit, logs, chosen);
        }

        if (!LogOpen(visit) || answered.Count == 0)
        {
            visit.AlreadySubmitted("Already submitted: there is no logged time waiting for you to confirm.");
            return await ShowConfirmationAsync(visit, cancellationToken);
        }

        var confirmed = answered.Where(l => choices[l.LogId] == TimeConfirmation.Confirmed).Select(l => l.LogId).ToList();
        var disputed = answered.Where(l => choices[l.LogId] == TimeConfirmation.Disputed).Select(l => l.LogId).ToList();
        // Each answer lands only on a log still pending as read: of racing posts one confirms, the year hears it once.
        var why = disputed.ToDictionary(id => id, id => reasons[id], StringComparer.Ordinal);
        if (!await submissions.TryReplaceAsync(visit.Link.PairingId, LogKind, [.. answered.Select(l => new SubmissionChange<CollaborationLog>(l.LogId, l,
                l with { Confirmation = choices[l.LogId], DisputeReason = choices[l.LogId] == TimeConfirmation.Disputed ? reasons[l.LogId] : null }))],
            Now, PairingYearEvent.Confirmed(confirmed, disputed, why), cancellationToken))
        {
            visit.AlreadySubmitted("Already submitted: your answer for that time was in before.");
            return await ShowConfirmationAsync(visit, cancellationToken);
        }

        await RaiseSavedEventsAsync(cancellationToken);
        // What happens next, and for whom: the mentor hears of a dispute; confirmed time counts at once.
        return Saved(visit, string.Create(CultureInfo.InvariantCulture, $"Thank you: {confirmed.Count} confirmed, {disputed.Count} disputed.")
            + (disputed.Count > 0
                ? $" {visit.PartnerName} gets your reason by email and can correct the log; you will be asked again."
                : " Confirmed time now counts toward your hours."));
    }

    /// <summary>The field name of the answer for one logged meeting.</summary>
    internal static string ConfirmKey(string logId) => $"Confirm[{logId}]";

    /// <summary>The field name of the reason for disputing one logged meeting.</summary>
    internal static string ReasonKey(string logId) => $"Reason[{logId}]";

    // One line, its spaces as typed but runs of whitespace (a pasted line break) made one space.
    private static string Reason(string? posted) => string.Join(' ', (posted ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private decimal RequiredHours(StepVisit visit) => districts.Find(visit.Pairing.Pairing.DistrictId)?.RequiredHours(visit.Pairing.Pairing.Term) ?? 0;
}

/// <summary>The log-a-meeting form as posted.</summary>
public sealed class LogMeetingForm
{
    /// <summary>True when the form corrects a meeting already logged (same <see cref="LogId"/>) rather than logging a new one.</summary>
    public bool Correcting { get; set; }

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

    /// <summary>The form for correcting <paramref name="log"/>, holding what it says now.</summary>
    public static LogMeetingForm Correct(CollaborationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return new()
        {
            Correcting = true,
            LogId = log.LogId,
            Date = log.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Minutes = log.Minutes.ToString(CultureInfo.InvariantCulture),
            Virtual = log.Virtual,
            OutsideContractDay = log.OutsideContractDay,
            Activities = [.. log.Activities],
            PrivateNotes = log.PrivateNotes,
        };
    }
}
