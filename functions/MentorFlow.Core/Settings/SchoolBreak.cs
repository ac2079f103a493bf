namespace MentorFlow.Core.Settings;

/// <summary>A school holiday in the district's calendar, from its first to its last day; reminders wait until it is over.</summary>
/// <param name="From">The first day off.</param>
/// <param name="To">The last day off.</param>
/// <param name="Name">What it is called, e.g. "Winter break".</param>
public sealed record SchoolBreak(DateOnly From, DateOnly To, string Name = "");
