using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Logs;

/// <summary>One logged meeting or conversation, as the mentor logs it.</summary>
/// <param name="LogId">The log's id.</param>
/// <param name="Date">The day it happened.</param>
/// <param name="Minutes">How long it took.</param>
/// <param name="Virtual">True when held by video or phone.</param>
/// <param name="OutsideContractDay">True when outside the school contract day (counts toward required hours).</param>
/// <param name="Activities">What they did.</param>
/// <param name="PrivateNotes">The pair's own notes: never shown to coordinators, never in a report or export.</param>
/// <param name="Confirmation">The mentee's confirmation.</param>
/// <param name="DisputeReason">Why the mentee disputed it: between the pair, like the notes.</param>
public sealed record CollaborationLog(
    string LogId,
    DateOnly Date,
    int Minutes,
    bool Virtual,
    bool OutsideContractDay,
    IReadOnlyList<CollaborationActivity> Activities,
    string? PrivateNotes = null,
    TimeConfirmation Confirmation = TimeConfirmation.Pending,
    string? DisputeReason = null)
{
    /// <summary>Longest single log, in minutes.</summary>
    public const int MaxMinutes = 600;

    /// <summary>Rule violations; empty when the log can be saved.</summary>
    public IReadOnlyList<RuleViolation> Validate(DateOnly pairingStart, DateOnly today) => new RuleCheck()
        .RequireText(LogId, "logId", "the log id")
        .Require(Date >= pairingStart, "date", $"the date cannot be before the pairing started ({pairingStart:yyyy-MM-dd})")
        .Require(Date <= today, "date", "the date cannot be in the future")
        .Require(Minutes is >= 1 and <= MaxMinutes, "minutes", $"minutes must be between 1 and {MaxMinutes}")
        .Require(Activities.Count > 0, "activities", "choose at least one activity")
        .Violations;

    /// <summary>The log without its private notes: what the orchestration, coordinators and reports may see.</summary>
    public LoggedInteraction ToInteraction() => new(LogId, Date, Minutes, Virtual, OutsideContractDay, Activities, Confirmation);
}

/// <summary>A logged meeting or conversation without its private notes.</summary>
/// <param name="LogId">The log's id.</param>
/// <param name="Date">The day it happened.</param>
/// <param name="Minutes">How long it took.</param>
/// <param name="Virtual">True when by video or phone.</param>
/// <param name="OutsideContractDay">True when outside the contract day.</param>
/// <param name="Activities">What they did.</param>
/// <param name="Confirmation">The mentee's confirmation.</param>
public sealed record LoggedInteraction(
    string LogId,
    DateOnly Date,
    int Minutes,
    bool Virtual,
    bool OutsideContractDay,
    IReadOnlyList<CollaborationActivity> Activities,
    TimeConfirmation Confirmation = TimeConfirmation.Pending);
