using System.Text.Json;
using DurableTask.Core;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Year;
using MentorFlow.Testing;
using MentorFlow.Testing.Replay;
using Microsoft.DurableTask;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>
/// The orchestrator function, as Durable Functions' isolated worker runs it (through <c>GrpcOrchestrationRunner</c>),
/// replays a whole year recorded on the SQLite backend: every episode asks for exactly what Core's orchestrator asked for
/// when it was recorded, and the year ends Completed.
/// </summary>
public sealed class PairingYearFunctionReplayTests
{
    private static readonly string Golden = RepositoryRoot.Combine("tests", "MentorFlow.Core.Tests", "GoldenHistories", "PairingYear-full-year.json");

    [Fact]
    public void The_orchestrator_function_replays_a_year_recorded_on_sqlite_episode_by_episode_to_its_outcome()
    {
        var executions = JsonSerializer.Deserialize<List<RecordedExecution>>(File.ReadAllText(Golden), DurableJson.Options)!;
        ReplayedAction? last = null;
        foreach (var execution in executions)
        {
            foreach (var (past, arrivals) in EpisodeSteps.Of(execution.Events()))
            {
                Assert.Equal(
                    HistoryReplay.Replay(PairingYearOrchestrator.Name, new PairingYearOrchestrator(), past, arrivals).Select(ReplayedAction.Of),
                    GrpcReplay.Replay(new TheFunction(), past, arrivals, HistoryReplay.WorkerOptions()));
            }

            last = GrpcReplay.Replay(new TheFunction(), execution.Events(), execution.Messages(), HistoryReplay.WorkerOptions())[^1];
        }

        Assert.NotNull(last);
        Assert.Equal(("CompleteOrchestration", OrchestrationStatus.Completed), (last.Kind, last.Status));
        Assert.Equal(PairingYearResult.Completed, DurableJson.Deserialize<PairingYearOutcome>(last.Result)!.Result);
    }

    // What the Functions worker hands GrpcOrchestrationRunner for the PairingYear function: the function method itself.
    private sealed class TheFunction : TaskOrchestrator<PairingYearInput, PairingYearOutcome?>
    {
        public override Task<PairingYearOutcome?> RunAsync(TaskOrchestrationContext context, PairingYearInput input) =>
            PairingYearFunctions.RunYear(context, input);
    }
}
