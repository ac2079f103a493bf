using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Simulation;
using MentorFlow.Core.Year;
using MentorFlow.Reports.Input;

namespace MentorFlow.Functions.Simulation;

/// <summary>
/// Gathers what a simulated year's people did (their logs, confirmations and observation cycles, as raised) and, with
/// the outcomes, turns it into the report input, so the simulate command ends with the year's reports.
/// </summary>
public sealed class SimulatedYearFacts
{
    // The demo district pays each mentor this stipend and awards these PDPs (demo figures for spend per mentee).
    private const decimal DemoStipend = 1000;
    private const int DemoPdps = 15;

    private readonly Dictionary<(string Pairing, string Log), LoggedInteraction> _logs = [];
    private readonly HashSet<(string Pairing, string Log)> _confirmed = [];
    private readonly Dictionary<(string Pairing, string Cycle), ObservationCycle> _cycles = [];
    private readonly HashSet<(string Pairing, RecipientRole Signer)> _signed = [];
    private readonly HashSet<string> _separated = [];

    /// <summary>Hears one event (pass this to the simulation's options).</summary>
    public void Observe(string pairingId, PairingYearEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // A separation ends the year: the engine takes nothing the pair raises after it, so neither do the reports.
        if (_separated.Contains(pairingId))
        {
            return;
        }

        switch (e.Kind)
        {
            case PairingYearEventKind.Separated:
                _separated.Add(pairingId);
                break;
            case PairingYearEventKind.ActionPlanSigned when e.By is { } signer:
                _signed.Add((pairingId, signer));
                break;
            case PairingYearEventKind.InteractionLogged when e.Interaction is { } interaction:
                _logs[(pairingId, interaction.LogId)] = interaction;
                break;
            case PairingYearEventKind.TimeConfirmed:
                foreach (var log in e.ConfirmedLogIds ?? [])
                {
                    _confirmed.Add((pairingId, log));
                }

                break;
            case PairingYearEventKind.ObservationLogged when e.Observation is { } cycle:
                _cycles[(pairingId, cycle.CycleId)] = cycle;
                break;
        }
    }

    /// <summary>The year as the reports read it.</summary>
    public DistrictYear ToDistrictYear(YearSimulationSummary summary, string districtName, string programYear)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var settings = YearSimulation.DemoDistrict(int.Parse(programYear[..4], System.Globalization.CultureInfo.InvariantCulture));
        var outcomes = summary.Outcomes.ToDictionary(o => o.PairingId, StringComparer.Ordinal);
        var pairings = summary.Subjects.Select((s, i) =>
        {
            outcomes.TryGetValue(s.PairingId, out var outcome);
            return new PairingFacts(s.PairingId, School(i), Id(s.Mentor.Email), Id(s.Mentee.Email), 1, s.Term.ToString(), s.StartsOn,
                settings.RequiredHours(s.Term), outcome?.HoursOutsideContractDay ?? 0,
                outcome?.Result switch
                {
                    PairingYearResult.Completed => PairingResult.Completed,
                    PairingYearResult.Incomplete => PairingResult.Incomplete,
                    PairingYearResult.Separated => PairingResult.Separated,
                    _ => PairingResult.InProgress,
                },
                outcome?.Frequency.ToString() ?? "Less", outcome?.Separation?.MenteeNotRetained != true, outcome?.MentorSatisfaction, outcome?.MenteeSatisfaction,
                EndedOn: outcome?.FinishedOn,
                PlanStarted: _signed.Contains((s.PairingId, RecipientRole.Mentor)) && _signed.Contains((s.PairingId, RecipientRole.Mentee)));
        }).ToList();
        var interactions = _logs.Select(l => new InteractionFacts(l.Key.Pairing, l.Value.Date, l.Value.Minutes, l.Value.Virtual, l.Value.OutsideContractDay,
            [.. l.Value.Activities.Select(a => a.ToString())], _confirmed.Contains(l.Key))).ToList();
        var observations = _cycles.Select(c => new ObservationFacts(c.Key.Pairing, c.Value.Type.ToString(), c.Value.ObservedOn, c.Value.SubstituteHours)).ToList();
        var mentors = summary.Subjects.Select((s, i) => (s, i)).DistinctBy(x => x.s.Mentor.Email)
            .Select(x => new MentorFacts(Id(x.s.Mentor.Email), x.s.Mentor.Name, School(x.i), 8, new DateOnly(2024, 6, 20), DemoStipend, DemoPdps)).ToList();
        var teachers = summary.Subjects.Select((s, i) => new BeginningTeacherFacts(Id(s.Mentee.Email), s.Mentee.Name, School(i), "Teacher", 1, s.StartsOn)).ToList();
        return new DistrictYear(settings.DistrictId, districtName, programYear, pairings, interactions, observations, mentors, teachers,
            new DistrictNarrative(["Weekly meetings kept by most pairs", "Observation cycles in every term"], ["Logging time outside the day", "Release time for observations"], ["Demo State University"]),
            new DistrictCalendar(settings.YearStart, settings.FirstHalfEnd, settings.SecondHalfStart, settings.YearEnd));
    }

    private static string School(int index) => $"Demo School {(char)('A' + (index % 5))}";

    private static string Id(string email) => email.Split('@')[0];
}
