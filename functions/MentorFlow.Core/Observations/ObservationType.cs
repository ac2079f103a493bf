namespace MentorFlow.Core.Observations;

/// <summary>Who observes whom in an observation cycle.</summary>
public enum ObservationType
{
    /// <summary>The mentor observes the mentee.</summary>
    MentorObservesMentee,

    /// <summary>The mentee observes the mentor.</summary>
    MenteeObservesMentor,

    /// <summary>Both observe another effective educator.</summary>
    JointObservation,
}
