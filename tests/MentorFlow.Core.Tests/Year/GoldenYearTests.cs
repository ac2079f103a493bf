using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.Command;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Durable.Worker;
using MentorFlow.Testing;
using MentorFlow.Testing.Replay;

namespace MentorFlow.Core.Tests.Year;

/// <summary>
/// A whole program year of one pairing, recorded execution by execution and checked in: today's
/// PairingYear orchestrator must replay every step of it, through our worker's path and through
/// GrpcOrchestrationRunner alike. A change that would break pairings in flight
/// fails here; re-record (only with a deliberate new orchestrator version) with MENTORFLOW_RECORD_GOLDEN=1.
/// </summary>
public sealed class GoldenYearTests
{
    private static readonly string File = RepositoryRoot.Combine("tests", "MentorFlow.Core.Tests", "GoldenHistories", "PairingYear-full-year.json");

    [Fact]
    public async Task The_recorded_full_year_replays_step_by_step_and_ends_with_its_outcome()
    {
        if (Environment.GetEnvironmentVariable("MENTORFLOW_RECORD_GOLDEN") == "1")
        {
            await RecordAsync();
        }

        var executions = JsonSerializer.Deserialize<List<RecordedExecution>>(System.IO.File.ReadAllText(File), DurableJson.Options)!;
        Assert.True(executions.Count >= 2, "a year continues as new at least once");
        Assert.Equal(OrchestrationStatus.ContinuedAsNew, executions[0].EndedAs);
        Assert.Equal(OrchestrationStatus.Completed, executions[^1].EndedAs);
        OrchestrationCompleteOrchestratorAction? last = null;
        foreach (var (execution, index) in executions.Select((e, i) => (e, i)))
        {
            last = Replay(execution);
            Assert.True(last.OrchestrationStatus == execution.EndedAs, $"execution {index} ended {last.OrchestrationStatus}: {last.FailureDetails?.ErrorMessage}");
        }

        var outcome = DurableJson.Deserialize<PairingYearOutcome>(last!.Result);
        Assert.Equal(PairingYearResult.Completed, outcome!.Result);
    }

    // Both replay paths must agree at every episode, and the last must end the execution as recorded.
    private static OrchestrationCompleteOrchestratorAction Replay(RecordedExecution execution)
    {
        foreach (var (past, arrivals) in EpisodeSteps.Of(execution.Events()))
        {
            Assert.Equal(
                HistoryReplay.Replay(PairingYearOrchestrator.Name, new PairingYearOrchestrator(), past, arrivals).Select(ReplayedAction.Of),
                GrpcReplay.Replay(new PairingYearOrchestrator(), past, arrivals, HistoryReplay.WorkerOptions()));
        }

        var actions = HistoryReplay.Replay(PairingYearOrchestrator.Name, new PairingYearOrchestrator(), execution.Events(), execution.Messages());
        var grpcActions = GrpcReplay.Replay(new PairingYearOrchestrator(), execution.Events(), execution.Messages(), HistoryReplay.WorkerOptions());
        Assert.Equal(actions.Select(ReplayedAction.Of), grpcActions);
        return actions.OfType<OrchestrationCompleteOrchestratorAction>().SingleOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"the replay did not end the execution; it asked for {string.Join(", ", actions.Select(a => a.GetType().Name))}");
    }

    private static async Task RecordAsync()
    {
        ExecutionRecordingStore? recorder = null;
        using var year = new YearHarness(wrapStore: inner => recorder = new ExecutionRecordingStore(inner));
        // A busy pair (three meetings a week) whose year continues as new; a nudge and an alert on the way.
        var pair = new ScriptedPair
        {
            MeetsOn = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday],
            Break = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
        };
        await year.StartAsync(YearHarness.Subject("golden-pairing"));
        await year.RunUntilAsync("golden-pairing", year.Settings.YearEnd.AddDays(10), pair.Day);
        Assert.NotNull(await year.OutcomeAsync("golden-pairing"));
        await System.IO.File.WriteAllTextAsync(File, JsonSerializer.Serialize(recorder!.Executions, Indented));
    }

    private static readonly JsonSerializerOptions Indented = new(DurableJson.Options) { WriteIndented = true };
}
