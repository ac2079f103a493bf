namespace MentorFlow.Core.Educators;

/// <summary>An educator's latest summative rating band.</summary>
public enum RatingBand
{
    /// <summary>Unsatisfactory.</summary>
    Unsatisfactory,

    /// <summary>Needs improvement.</summary>
    NeedsImprovement,

    /// <summary>Proficient.</summary>
    Proficient,

    /// <summary>Exemplary.</summary>
    Exemplary,
}
