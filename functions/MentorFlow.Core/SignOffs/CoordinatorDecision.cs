namespace MentorFlow.Core.SignOffs;

/// <summary>The coordinator's decision on a pairing's year.</summary>
public enum CoordinatorDecision
{
    /// <summary>The pairing completed the program year.</summary>
    Completed,

    /// <summary>The pairing did not complete it.</summary>
    Incomplete,

    /// <summary>The pairing gets more time, then signs off again.</summary>
    Extended,
}
