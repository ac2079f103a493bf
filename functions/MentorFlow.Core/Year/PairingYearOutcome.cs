using MentorFlow.Core.Figures;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.SignOffs;

namespace MentorFlow.Core.Year;

/// <summary>How a pairing's year ended.</summary>
public enum PairingYearResult
{
    /// <summary>Completed the program year.</summary>
    Completed,

    /// <summary>Did not complete it.</summary>
    Incomplete,

    /// <summary>Ended early (see the separation).</summary>
    Separated,
}

/// <summary>The recorded outcome of a pairing's year, with the figures the state report counts.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="Result">How it ended.</param>
/// <param name="Decision">The coordinator's decision, when one was needed.</param>
/// <param name="FinishedOn">The day it ended.</param>
/// <param name="HoursOutsideContractDay">Confirmed hours outside the contract day.</param>
/// <param name="ConfirmedHours">All confirmed hours.</param>
/// <param name="RequiredHours">Hours the term required.</param>
/// <param name="Interactions">Logged meetings and conversations.</param>
/// <param name="Frequency">Meeting frequency over the pairing.</param>
/// <param name="ObservationsByType">Observation cycles by type.</param>
/// <param name="SubstituteHoursUsed">Substitute coverage used.</param>
/// <param name="MentorSatisfaction">The mentor's rating, 1–5, when signed off.</param>
/// <param name="MenteeSatisfaction">The mentee's rating, 1–5, when signed off.</param>
/// <param name="Separation">The separation, when it ended early.</param>
/// <param name="Extensions">Extensions granted.</param>
public sealed record PairingYearOutcome(
    string PairingId,
    PairingYearResult Result,
    CoordinatorDecision? Decision,
    DateOnly FinishedOn,
    decimal HoursOutsideContractDay,
    decimal ConfirmedHours,
    decimal RequiredHours,
    int Interactions,
    MeetingFrequency Frequency,
    IReadOnlyDictionary<ObservationType, int> ObservationsByType,
    decimal SubstituteHoursUsed,
    int? MentorSatisfaction,
    int? MenteeSatisfaction,
    Separation? Separation,
    int Extensions)
{
    /// <summary>True when the confirmed hours outside the contract day met the requirement.</summary>
    public bool RequirementMet => HoursOutsideContractDay >= RequiredHours;

    /// <summary>False only when the mentee left the district: the retention figure.</summary>
    public bool MenteeRetained => Separation?.MenteeNotRetained != true;
}
