namespace MentorFlow.Core.Logs;

/// <summary>The mentee's word on time the mentor logged; only confirmed time counts.</summary>
public enum TimeConfirmation
{
    /// <summary>Not yet confirmed or disputed.</summary>
    Pending,

    /// <summary>The mentee confirmed it.</summary>
    Confirmed,

    /// <summary>The mentee disputed it.</summary>
    Disputed,
}
