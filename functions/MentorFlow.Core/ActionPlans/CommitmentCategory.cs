namespace MentorFlow.Core.ActionPlans;

/// <summary>The four questions collective commitments answer.</summary>
public enum CommitmentCategory
{
    /// <summary>What are our commitments about attendance?</summary>
    Attendance,

    /// <summary>What are our commitments about participation?</summary>
    Participation,

    /// <summary>How will we interact with each other?</summary>
    Interaction,

    /// <summary>Other necessary commitments.</summary>
    Other,
}
