namespace MentorFlow.Core.Pairings;

/// <summary>Why a pairing ended before its year did.</summary>
public enum SeparationReason
{
    /// <summary>The mentee left the district (counts against retention).</summary>
    MenteeLeftDistrict,

    /// <summary>The mentor left the district.</summary>
    MentorLeftDistrict,

    /// <summary>The mentee was given another mentor.</summary>
    Reassigned,

    /// <summary>Another reason, described in the note.</summary>
    Other,
}
