using MentorFlow.Core.Schedules;

namespace MentorFlow.Core.Messaging;

/// <summary>
/// One email the program year sends. The app renders it (plain text and HTML) and adds the signed link
/// for <see cref="Step"/>; sending is idempotent on <see cref="IdempotencyKey"/>.
/// </summary>
/// <param name="IdempotencyKey">Same key, same message: a retried send never sends it twice.</param>
/// <param name="Kind">What the message is.</param>
/// <param name="PairingId">The pairing it is about.</param>
/// <param name="To">Who it is for.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The plain-text body (no private notes ever).</param>
/// <param name="Step">The form the recipient's signed link opens, when there is one (e.g. "action-plan").</param>
/// <param name="Invite">The regular meeting to attach as an .ics invite, for <see cref="ProgramMessageKind.MeetingInvite"/>.</param>
public sealed record ProgramMessage(
    string IdempotencyKey,
    ProgramMessageKind Kind,
    string PairingId,
    Recipient To,
    string Subject,
    string Body,
    string? Step = null,
    MeetingInviteDetails? Invite = null);

/// <summary>What a calendar invite for the regular meeting holds.</summary>
/// <param name="Schedule">The regular meeting.</param>
/// <param name="FirstDay">The first day the series may start.</param>
/// <param name="LastDay">The last day of the series.</param>
/// <param name="Organizer">Who organizes it (the mentor).</param>
/// <param name="Attendees">Who attends (both).</param>
public sealed record MeetingInviteDetails(MeetingSchedule Schedule, DateOnly FirstDay, DateOnly LastDay, Recipient Organizer, IReadOnlyList<Recipient> Attendees);
