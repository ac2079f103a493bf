using MentorFlow.Core.Messaging;
using MentorFlow.Core.Settings;

namespace MentorFlow.Core.Year;

/// <summary>Who and what a pairing year is about.</summary>
/// <param name="PairingId">The pairing (and orchestration instance) id.</param>
/// <param name="Term">Full year or a half-year term.</param>
/// <param name="StartsOn">The day the pairing starts.</param>
/// <param name="Mentor">The mentor.</param>
/// <param name="Mentee">The mentee.</param>
/// <param name="School">The school, named in the year's emails; null for years started before emails named it.</param>
/// <param name="DistrictName">The district's name, named in the year's emails; null for years started before emails named it.</param>
public sealed record PairingYearSubject(
    string PairingId, PairingTerm Term, DateOnly StartsOn, Recipient Mentor, Recipient Mentee, string? School = null, string? DistrictName = null);

/// <summary>The PairingYear orchestration's input: the pairing, its district's settings as they were at start, and the state carried over a continue-as-new.</summary>
/// <param name="Subject">The pairing.</param>
/// <param name="Settings">The district's program settings (pinned for the year).</param>
/// <param name="State">The state so far; null when the year begins.</param>
public sealed record PairingYearInput(PairingYearSubject Subject, DistrictProgramSettings Settings, PairingYearState? State = null);
