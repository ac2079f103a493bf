namespace MentorFlow.Core.Figures;

/// <summary>How often a pair meets, as the state report groups it.</summary>
public enum MeetingFrequency
{
    /// <summary>About every week.</summary>
    Weekly,

    /// <summary>About every two weeks.</summary>
    EveryTwoWeeks,

    /// <summary>About monthly.</summary>
    Monthly,

    /// <summary>Less than monthly.</summary>
    Less,
}
