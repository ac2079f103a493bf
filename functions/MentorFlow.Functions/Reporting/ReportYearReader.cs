using MentorFlow.Core.Logs;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Hires;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Submissions;
using MentorFlow.Reports.Input;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Gathers a district's program year for the reports: pairings with their outcomes or progress, the logged time (notes
/// dropped here, by <see cref="CollaborationLog.ToInteraction"/>), observation cycles, the people lists, and HR's roster
/// of the year's hires (hiring figures and retention into the next year) when HR sent one.
/// </summary>
public sealed class ReportYearReader(
    IPairingRecords records, ISubmissionStore submissions, IActionPlanStore plans, IHireRosters rosters, DistrictDirectory districts, DurableTaskClient engine)
{
    /// <summary>The district's facts for <paramref name="programYear"/>.</summary>
    public async Task<DistrictYear> ReadAsync(string districtId, string programYear, CancellationToken cancellationToken)
    {
        var options = districts.Options(districtId) ?? throw new ArgumentException($"District '{districtId}' is not served here.", nameof(districtId));
        var settings = districts.Find(districtId)!;
        var pairings = (await records.ListAsync(districtId, cancellationToken)).Where(r => r.Pairing.ProgramYear == programYear).ToList();
        var facts = new List<PairingFacts>();
        var interactions = new List<InteractionFacts>();
        var observations = new List<ObservationFacts>();
        foreach (var record in pairings)
        {
            var pairing = record.Pairing;
            var year = await engine.GetInstanceAsync(pairing.PairingId, getInputsAndOutputs: true, cancellationToken);
            var outcome = year?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? year.ReadOutputAs<PairingYearOutcome>() : null;
            var status = year?.ReadCustomStatusAs<PairingYearStatus>();
            facts.Add(new PairingFacts(
                pairing.PairingId, pairing.School, pairing.MentorId, pairing.MenteeId, pairing.InductionYear, pairing.Term.ToString(), pairing.StartsOn,
                settings.RequiredHours(pairing.Term),
                outcome?.HoursOutsideContractDay ?? status?.Pace.ConfirmedHours ?? 0,
                outcome?.Result switch
                {
                    PairingYearResult.Completed => PairingResult.Completed,
                    PairingYearResult.Incomplete => PairingResult.Incomplete,
                    PairingYearResult.Separated => PairingResult.Separated,
                    _ => record.Separation is null ? PairingResult.InProgress : PairingResult.Separated,
                },
                (outcome?.Frequency ?? status?.Frequency)?.ToString() ?? "Less",
                MenteeRetained: record.Separation?.MenteeNotRetained != true,
                outcome?.MentorSatisfaction, outcome?.MenteeSatisfaction,
                // The year accepts activity until it ends; what is logged after is reported nowhere.
                EndedOn: outcome?.FinishedOn ?? record.Separation?.EndedOn,
                PlanStarted: (await plans.FindAsync(pairing.PairingId, cancellationToken))?.IsSigned == true,
                AssignedOn: DateOnly.FromDateTime(record.CreatedAt)));
            interactions.AddRange((await submissions.ListAsync<CollaborationLog>(pairing.PairingId, "log", cancellationToken))
                .Select(log => log.ToInteraction())
                .Select(i => new InteractionFacts(pairing.PairingId, i.Date, i.Minutes, i.Virtual, i.OutsideContractDay,
                    [.. i.Activities.Select(a => a.ToString())], i.Confirmation == TimeConfirmation.Confirmed)));
            observations.AddRange((await submissions.ListAsync<ObservationCycle>(pairing.PairingId, "observation", cancellationToken))
                .Select(c => new ObservationFacts(pairing.PairingId, c.Type.ToString(), c.ObservedOn, c.SubstituteHours)));
        }

        var mentors = pairings.Select(r => r.Mentor).DistinctBy(m => m.EmployeeId)
            .Select(m => new MentorFacts(m.EmployeeId, m.Name, m.School, m.YearsOfExperience, m.MentorTrainedOn, options.MentorStipend, options.MentorPdps));
        // HR's roster names every hire, paired or not; a mentee it misses is still listed, from the pairing.
        var roster = await rosters.FindAsync(districtId, programYear, cancellationToken);
        var hires = roster?.Hires.Select(h => new BeginningTeacherFacts(h.EmployeeId, h.Name, h.School, h.Role.ToString(), h.InductionYear, h.HiredOn, h.EmployedNextYear))
            .ToList() ?? [];
        var listed = hires.Select(h => h.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var teachers = hires.Concat(pairings.DistinctBy(r => r.Mentee.EmployeeId).Where(r => !listed.Contains(r.Mentee.EmployeeId))
            .Select(r => new BeginningTeacherFacts(r.Mentee.EmployeeId, r.Mentee.Name, r.Mentee.School, r.Mentee.Role.ToString(), r.Pairing.InductionYear, r.Pairing.StartsOn)));
        return new DistrictYear(districtId, options.Name, programYear, facts, interactions, observations, [.. mentors], [.. teachers],
            new DistrictNarrative(options.GoingWell, options.ToImprove, options.Partnerships),
            new DistrictCalendar(settings.YearStart, settings.FirstHalfEnd, settings.SecondHalfStart, settings.YearEnd),
            BeginningTeachersHired: roster?.Hires.Count);
    }
}
