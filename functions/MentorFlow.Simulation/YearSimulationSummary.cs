using MentorFlow.Core.Figures;
using MentorFlow.Core.Year;

namespace MentorFlow.Simulation;

/// <summary>What a simulated year ended with.</summary>
/// <param name="Pairings">Pairings simulated.</param>
/// <param name="Completed">Completed the year.</param>
/// <param name="Incomplete">Did not complete it.</param>
/// <param name="Separated">Ended early.</param>
/// <param name="Unfinished">Still running or failed at the end (should be 0).</param>
/// <param name="UnfinishedExamples">A few unfinished pairings with where they stand.</param>
/// <param name="DecidedByCoordinator">Outcomes that needed the coordinator's decision.</param>
/// <param name="MeetingRequirement">Pairings whose confirmed hours met the requirement.</param>
/// <param name="TotalHours">Confirmed hours outside the contract day, all pairings.</param>
/// <param name="MedianHours">Median confirmed hours outside the contract day per pairing.</param>
/// <param name="Frequency">Pairings per meeting-frequency category.</param>
/// <param name="MessagesSent">Emails sent.</param>
/// <param name="EventsRaised">Events people raised.</param>
/// <param name="WorkItems">Engine work items processed.</param>
/// <param name="Elapsed">Wall time.</param>
/// <param name="Outcomes">Each finished pairing's outcome.</param>
/// <param name="Subjects">Each pairing: who, which term, from when.</param>
public sealed record YearSimulationSummary(
    int Pairings,
    int Completed,
    int Incomplete,
    int Separated,
    int Unfinished,
    IReadOnlyList<string> UnfinishedExamples,
    int DecidedByCoordinator,
    int MeetingRequirement,
    decimal TotalHours,
    decimal MedianHours,
    IReadOnlyDictionary<MeetingFrequency, int> Frequency,
    int MessagesSent,
    long EventsRaised,
    long WorkItems,
    TimeSpan Elapsed,
    IReadOnlyList<PairingYearOutcome> Outcomes,
    IReadOnlyList<PairingYearSubject> Subjects);
