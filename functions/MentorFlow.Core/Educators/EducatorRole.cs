namespace MentorFlow.Core.Educators;

/// <summary>An educator's role; mentoring is for every role, not only teachers (mentoring web).</summary>
public enum EducatorRole
{
    /// <summary>A classroom teacher.</summary>
    Teacher,

    /// <summary>An early-childhood educator.</summary>
    EarlyChildhoodEducator,

    /// <summary>Business or support staff.</summary>
    SupportStaff,

    /// <summary>A consultant or coach.</summary>
    Consultant,

    /// <summary>An administrator.</summary>
    Administrator,
}
