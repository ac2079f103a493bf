using System.Diagnostics;
using MentorFlow.Core.Figures;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Settings;
using MentorFlow.Core.Simulation;
using MentorFlow.Core.Year;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Simulation;

/// <summary>
/// A demo district's whole program year on a virtual clock: pairings start, people answer their emails
/// with realistic delays (some late, some never), meet, log (mentors with private notes), observe, and a few leave. Each simulated day
/// the people act, then the engine runs everything due, on the real SQLite backend (partitioned, as the app's).
/// </summary>
public sealed class YearSimulation
{
    private const int DaysAfterExtension = 45; // sign-offs, decisions and extensions finish after the last school day
    private const int NotesSeed = 0x4e07e5;

    /// <summary>The demo district's settings for <paramref name="startYear"/>.</summary>
    public static DistrictProgramSettings DemoDistrict(int startYear) =>
        DistrictProgramSettings.ForSchoolYear("demo-district", startYear) with { CoordinatorEmail = "coordinator@demo-district.example" };

    /// <summary>Runs the year; progress lines go to <paramref name="progress"/> about once a simulated month.</summary>
    public static async Task<YearSimulationSummary> RunAsync(YearSimulationOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Pairings, 1);
        var stopwatch = Stopwatch.StartNew();
        var settings = DemoDistrict(options.StartYear);
        var clock = new VirtualClock(At(settings.YearStart, 6));
        var inbox = new SimulatedInbox();
        var ledger = new InMemorySentMessageLedger();
        var store = SqlitePartitions.Open(options.DatabasePath, options.Partitions);
        var client = new OrchestrationStoreClient(store, clock);
        // The workers share one session cache, so a pairing stays live in memory whichever worker runs its next step.
        var sessions = new OrchestrationSessionCache(options.Pairings + OrchestrationSessionCache.DefaultCapacity / 10);
        var workers = Enumerable.Range(0, Math.Max(1, options.Workers))
            .Select(i => OrchestrationWorkerBuilder.Create(store, clock, tasks => tasks.AddPairingYear(inbox, ledger, clock),
                new OrchestrationWorkerOptions($"simulation-{i}", MaxBatchSize: 500, Sessions: sessions, InlineActivities: true)))
            .ToList();

        var pairs = Cast(options, settings);
        var byId = pairs.ToDictionary(p => p.Subject.PairingId, StringComparer.Ordinal);
        await progress.WriteLineAsync($"simulate: {pairs.Count:N0} pairings in {settings.DistrictId}, program year {settings.ProgramYear}, seed {options.Seed}");
        long events = 0, workItems = 0;
        var lastDay = settings.YearEnd.AddDays(settings.ExtensionDays + DaysAfterExtension);
        for (var day = settings.YearStart; day <= lastDay; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.MoveTo(At(day, 11)); // people act in the morning, before the midday step
            await Task.WhenAll(pairs.Where(p => p.Subject.StartsOn == day).Select(p => client.ScheduleNewOrchestrationInstanceAsync(
                PairingYearOrchestrator.Name, new PairingYearInput(p.Subject, settings), new StartOrchestrationOptions(p.Subject.PairingId), cancellationToken)));

            var raised = pairs.Where(p => p.Subject.StartsOn < day)
                .SelectMany(p => p.Act(day).Select(e => (p.Subject.PairingId, Event: e)))
                .ToList();
            foreach (var (pairingId, e) in raised)
            {
                options.Observe?.Invoke(pairingId, e);
            }

            // Raised together, the day's events share the client's commits.
            await Task.WhenAll(raised.Select(r => client.RaiseEventAsync(r.PairingId, PairingYearOrchestrator.EventName, r.Event, cancellationToken)));
            events += raised.Count;

            clock.MoveTo(At(day, 12));
            workItems += (await Task.WhenAll(workers.Select(w => Task.Run(() => w.ProcessAllDueAsync(cancellationToken), cancellationToken)))).Sum();
            foreach (var message in inbox.TakeArrived())
            {
                options.Delivered?.Invoke(message);
                byId[message.PairingId].Read(message, day);
            }

            if (day.Day == 1 || day == lastDay)
            {
                await progress.WriteLineAsync($"simulate: {day:yyyy-MM-dd} · {events:N0} events raised · {inbox.Sent:N0} emails · {workItems:N0} engine steps · {stopwatch.Elapsed.TotalSeconds:N1} s");
            }
        }

        return await SummarizeAsync(client, pairs, inbox.Sent, events, workItems, stopwatch, cancellationToken);
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    // The district's pairings: most full-year from the first day, some hired later, some half-year.
    private static List<SimulatedPairing> Cast(YearSimulationOptions options, DistrictProgramSettings settings)
    {
        var pairs = new List<SimulatedPairing>(options.Pairings);
        for (var i = 0; i < options.Pairings; i++)
        {
            var random = new Random(unchecked((options.Seed * 1_000_003) + i)); // not HashCode.Combine: its seed changes per process
            var id = $"pairing-{i + 1:D5}";
            var roll = random.NextDouble();
            var (term, starts) = roll switch
            {
                < 0.05 => (PairingTerm.FirstHalf, settings.YearStart),
                < 0.10 => (PairingTerm.SecondHalf, settings.SecondHalfStart),
                < 0.20 => (PairingTerm.FullYear, settings.YearStart.AddDays(random.Next(7, 60))),
                _ => (PairingTerm.FullYear, settings.YearStart),
            };
            var profile = random.NextDouble() switch
            {
                < 0.62 => PairProfile.Diligent,
                < 0.87 => PairProfile.Late,
                < 0.97 => PairProfile.LowHours,
                _ => PairProfile.NeverSigns,
            };
            var (_, end) = settings.TermDates(term);
            DateOnly? leaves = random.NextDouble() < 0.04 ? starts.AddDays(random.Next(30, Math.Max(31, end.DayNumber - starts.DayNumber - 20))) : null;
            var subject = new PairingYearSubject(id, term, starts,
                new Recipient(RecipientRole.Mentor, $"Mentor {i + 1}", $"mentor{i + 1}@demo-district.example"),
                new Recipient(RecipientRole.Mentee, $"Mentee {i + 1}", $"mentee{i + 1}@demo-district.example"),
                DistrictName: "Demo District");
            // The mentor's notes draw from a random of their own, so writing them changes no figure of the year.
            var notes = new SimulatedNotes(new Random(unchecked((options.Seed * 1_000_003) + i) ^ NotesSeed));
            pairs.Add(new SimulatedPairing(subject, profile, leaves, settings, random, notes, options.Written));
        }

        return pairs;
    }

    private static async Task<YearSimulationSummary> SummarizeAsync(
        DurableTaskClient client, List<SimulatedPairing> pairs, int messages, long events, long workItems, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var pairings = pairs.Count;
        var outcomes = new List<PairingYearOutcome>(pairings);
        var unfinished = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery(PageSize: 1000, FetchInputsAndOutputs: true)).WithCancellation(cancellationToken))
        {
            if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed && instance.ReadOutputAs<PairingYearOutcome>() is { } outcome)
            {
                outcomes.Add(outcome);
            }
            else
            {
                var status = instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed
                    ? $"failed: {instance.FailureDetails?.ErrorMessage}"
                    : instance.ReadCustomStatusAs<PairingYearStatus>() is { } s ? $"{s.Stage} until {s.EndsOn:yyyy-MM-dd}, waiting for {s.WaitingFor ?? "nothing"} since {s.WaitingSince:yyyy-MM-dd}" : instance.RuntimeStatus.ToString();
                unfinished.Add($"{instance.InstanceId} ({status})");
            }
        }

        var hours = outcomes.Select(o => o.HoursOutsideContractDay).Order().ToList();
        return new YearSimulationSummary(
            pairings,
            outcomes.Count(o => o.Result == PairingYearResult.Completed),
            outcomes.Count(o => o.Result == PairingYearResult.Incomplete),
            outcomes.Count(o => o.Result == PairingYearResult.Separated),
            unfinished.Count,
            [.. unfinished.Take(5)],
            outcomes.Count(o => o.Decision is not null),
            outcomes.Count(o => o.RequirementMet),
            hours.Sum(),
            hours.Count == 0 ? 0 : hours[hours.Count / 2],
            Enum.GetValues<MeetingFrequency>().ToDictionary(f => f, f => outcomes.Count(o => o.Result != PairingYearResult.Separated && o.Frequency == f)),
            messages,
            events,
            workItems,
            stopwatch.Elapsed,
            outcomes,
            [.. pairs.Select(p => p.Subject)]);
    }
}
