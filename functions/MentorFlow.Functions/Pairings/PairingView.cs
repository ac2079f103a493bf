using MentorFlow.Core.Pairings;
using MentorFlow.Core.Settings;
using MentorFlow.Core.Year;
using MentorFlow.Functions.Records;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pairings;

/// <summary>What <c>GET /api/pairings/{id}</c> answers: the pairing, its people, and where its year stands.</summary>
/// <param name="PairingId">The pairing's id.</param>
/// <param name="DistrictId">The district.</param>
/// <param name="ProgramYear">The program year.</param>
/// <param name="School">The mentee's school.</param>
/// <param name="InductionYear">The mentee's induction year.</param>
/// <param name="Term">The term.</param>
/// <param name="StartsOn">The first day.</param>
/// <param name="Mentor">The mentor.</param>
/// <param name="Mentee">The mentee.</param>
/// <param name="EligibilityOverride">Why an ineligible mentor was accepted, when one was.</param>
/// <param name="Separation">The separation, when the pairing ended early.</param>
/// <param name="YearStatus">Pending (the year starts on its first day), Running or Completed.</param>
/// <param name="Progress">The year's stage, what it waits for, on whom and since when, flags and figures (no notes).</param>
/// <param name="Outcome">The year's outcome, once finished.</param>
public sealed record PairingView(
    string PairingId,
    string DistrictId,
    string ProgramYear,
    string School,
    int InductionYear,
    PairingTerm Term,
    DateOnly StartsOn,
    PersonView Mentor,
    PersonView Mentee,
    string? EligibilityOverride,
    Separation? Separation,
    string YearStatus,
    PairingYearStatus? Progress,
    PairingYearOutcome? Outcome)
{
    /// <summary>The view of <paramref name="record"/> with its orchestration's state.</summary>
    public static PairingView Of(PairingRecord record, OrchestrationMetadata? year)
    {
        ArgumentNullException.ThrowIfNull(record);
        var pairing = record.Pairing;
        return new PairingView(
            pairing.PairingId, pairing.DistrictId, pairing.ProgramYear, pairing.School, pairing.InductionYear, pairing.Term, pairing.StartsOn,
            new PersonView(record.Mentor.EmployeeId, record.Mentor.Name, record.Mentor.Email),
            new PersonView(record.Mentee.EmployeeId, record.Mentee.Name, record.Mentee.Email),
            pairing.EligibilityOverride, record.Separation,
            year?.RuntimeStatus.ToString() ?? "NotStarted",
            year?.ReadCustomStatusAs<PairingYearStatus>(),
            year?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? year.ReadOutputAs<PairingYearOutcome>() : null);
    }
}

/// <summary>A person in a pairing view.</summary>
/// <param name="EmployeeId">HR's employee id.</param>
/// <param name="Name">Name.</param>
/// <param name="Email">Email.</param>
public sealed record PersonView(string EmployeeId, string Name, string Email);
