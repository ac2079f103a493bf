using MentorFlow.Core.Messaging;

namespace MentorFlow.Core.Year;

/// <summary>A step that waits on people, with its reminders and escalation.</summary>
public sealed class WaitingStep
{
    /// <summary>What it waits for, in words (e.g. "both signatures on the action plan").</summary>
    public string WaitsFor { get; set; } = "";

    /// <summary>Who still has to act.</summary>
    public List<RecipientRole> Pending { get; set; } = [];

    /// <summary>Since when it waits (UTC).</summary>
    public DateTime Since { get; set; }

    /// <summary>When it is due (UTC).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When the next reminder goes (UTC).</summary>
    public DateTime NextReminderAt { get; set; }

    /// <summary>Reminders sent so far.</summary>
    public int RemindersSent { get; set; }

    /// <summary>True once the coordinator was told it is overdue.</summary>
    public bool Escalated { get; set; }
}
