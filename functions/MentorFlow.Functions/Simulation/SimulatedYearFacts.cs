using MentorFlow.Simulation;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Year;
using MentorFlow.Reports.Input;

namespace MentorFlow.Functions.Simulation;

/// <summary>
/// Gathers what a simulated year's people did (their logs as written, private notes included, the confirmations and
/// observation cycles the year took) and, with the outcomes, turns it into the report input, so the simulate command
/// ends with the year's reports. Like the reports of a real year, it reads each log through
/// <see cref="CollaborationLog.ToInteraction"/>, which leaves the notes behind.
/// </summary>
public sealed class SimulatedYearFacts
{
    // The demo district pays each mentor this stipend and awards these PDPs (demo figures for spend per mentee).
    private const decimal DemoStipend = 1000;
    private const int DemoPdps = 15;

    private readonly Dictionary<(string Pairing, string Log), CollaborationLog> _written = [];
    private readonly List<(string Pairing, string Log)> _taken = [];
    private readonly Dictionary<(string Pairing, string Cycle), ObservationCycle> _cycles = [];
    private readonly HashSet<(string Pairing, RecipientRole Signer)> _signed = [];
    private readonly HashSet<string> _separated = [];

    /// <summary>Every meeting log the simulated mentors wrote, with its notes, as the pair's own store keeps it.</summary>
    public IReadOnlyList<KeptLog> LogBook => [.. _written.Select(w => new KeptLog(w.Key.Pairing, w.Value))];

    /// <summary>Keeps a log as its mentor wrote it, notes included (pass this to the simulation's options as <c>Written</c>).</summary>
    public void Written(string pairingId, CollaborationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _written[(pairingId, log.LogId)] = log;
    }

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
                _taken.Add((pairingId, interaction.LogId));
                break;
            case PairingYearEventKind.TimeConfirmed:
                // As the log form saves the mentee's answer on the pair's own log.
                Answer(pairingId, e.ConfirmedLogIds, TimeConfirmation.Confirmed);
                Answer(pairingId, e.DisputedLogIds, TimeConfirmation.Disputed);
                break;
            case PairingYearEventKind.ObservationLogged when e.Observation is { } cycle:
                _cycles[(pairingId, cycle.CycleId)] = cycle;
                break;
        }
    }

    /// <summary>The year as the reports read it (from what both <see cref="Written"/> and <see cref="Observe"/> heard).</summary>
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
        var interactions = _taken.Select(key => (Pairing: key.Pairing, Interaction: WrittenLog(key).ToInteraction()))
            .Select(l => new InteractionFacts(l.Pairing, l.Interaction.Date, l.Interaction.Minutes, l.Interaction.Virtual, l.Interaction.OutsideContractDay,
                [.. l.Interaction.Activities.Select(a => a.ToString())], l.Interaction.Confirmation == TimeConfirmation.Confirmed)).ToList();
        var observations = _cycles.Select(c => new ObservationFacts(c.Key.Pairing, c.Value.Type.ToString(), c.Value.ObservedOn, c.Value.SubstituteHours)).ToList();
        var mentors = summary.Subjects.Select((s, i) => (s, i)).DistinctBy(x => x.s.Mentor.Email)
            .Select(x => new MentorFacts(Id(x.s.Mentor.Email), x.s.Mentor.Name, School(x.i), 8, new DateOnly(2024, 6, 20), DemoStipend, DemoPdps)).ToList();
        var teachers = summary.Subjects.Select((s, i) => new BeginningTeacherFacts(Id(s.Mentee.Email), s.Mentee.Name, School(i), "Teacher", 1, s.StartsOn)).ToList();
        return new DistrictYear(settings.DistrictId, districtName, programYear, pairings, interactions, observations, mentors, teachers,
            new DistrictNarrative(["Weekly meetings kept by most pairs", "Observation cycles in every term"], ["Logging time outside the day", "Release time for observations"], ["Demo State University"]),
            new DistrictCalendar(settings.YearStart, settings.FirstHalfEnd, settings.SecondHalfStart, settings.YearEnd));
    }

    private CollaborationLog WrittenLog((string Pairing, string Log) key) => _written.TryGetValue(key, out var log) ? log
        : throw new InvalidOperationException($"The year took log {key.Log} of {key.Pairing}, which no mentor wrote: pass Written as well as Observe to the simulation.");

    private void Answer(string pairingId, IReadOnlyList<string>? logIds, TimeConfirmation answer)
    {
        foreach (var logId in logIds ?? [])
        {
            if (_written.TryGetValue((pairingId, logId), out var log))
            {
                _written[(pairingId, logId)] = log with { Confirmation = answer };
            }
        }
    }

    private static string School(int index) => $"Demo School {(char)('A' + (index % 5))}";

    private static string Id(string email) => email.Split('@')[0];
}
