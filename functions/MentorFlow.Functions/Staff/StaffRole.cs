namespace MentorFlow.Functions.Staff;

/// <summary>What a staff member does in the program, and so which pages and endpoints they may use.</summary>
public enum StaffRole
{
    /// <summary>HR or the onboarding system: starts and ends pairings.</summary>
    Hr,

    /// <summary>The program coordinator: sees and nudges pairings, decides sign-offs.</summary>
    Coordinator,

    /// <summary>A state or district analyst: reads reports.</summary>
    Analyst,
}
