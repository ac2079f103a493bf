using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.Command;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using MentorFlow.Testing;
using MentorFlow.Testing.Replay;

namespace MentorFlow.Durable.Tests;

/// <summary>
/// Recorded histories of running instances, checked in as JSON and replayed against today's code, both by our worker's
/// path (DurableTask.Core's executor) and by GrpcOrchestrationRunner (Durable Functions' isolated worker), which must ask
/// for the same actions: a change that would break instances already in flight fails here. Re-record (only for a
/// deliberate new version) with MENTORFLOW_RECORD_GOLDEN=1.
/// </summary>
public sealed class GoldenHistoryTests
{
    private static readonly string Folder = RepositoryRoot.Combine("tests", "MentorFlow.Durable.Tests", "GoldenHistories");
    private static readonly JsonSerializerOptions Indented = new(DurableJson.Options) { WriteIndented = true };

    internal static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddActivityFunc<string, string>("Notify", (_, who) => Task.FromResult($"notified {who}"))
        .AddOrchestratorFunc<int, int>("Child", (_, n) => Task.FromResult(n + 1))
        .AddOrchestrator("SampleYear", () => new SampleYear());

    public static TheoryData<string> Recordings() => [.. Directory.GetFiles(Folder, "*.json").Select(path => Path.GetFileName(path))];

    [Theory]
    [MemberData(nameof(Recordings))]
    public void A_recorded_history_replays_without_a_nondeterminism_error_and_alike_through_GrpcOrchestrationRunner(string file)
    {
        var recording = JsonSerializer.Deserialize<Recording>(File.ReadAllText(Path.Combine(Folder, file)), DurableJson.Options)!;

        var actions = HistoryReplay.Replay(recording.Orchestrator, Orchestrators[recording.Orchestrator](), HistoryJson.DeserializeAll(recording.History.GetRawText()), []);
        var grpcActions = GrpcReplay.Replay(Orchestrators[recording.Orchestrator](), HistoryJson.DeserializeAll(recording.History.GetRawText()), [], HistoryReplay.WorkerOptions());

        var end = actions.OfType<OrchestrationCompleteOrchestratorAction>().SingleOrDefault();
        Assert.True(end?.OrchestrationStatus == recording.ExpectedStatus, $"{file}: {end?.OrchestrationStatus} {end?.FailureDetails?.ErrorMessage}");
        Assert.Equal(actions.Select(ReplayedAction.Of), grpcActions);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_recorded_episode_asks_for_the_same_actions_through_both_paths(string file)
    {
        var recording = JsonSerializer.Deserialize<Recording>(File.ReadAllText(Path.Combine(Folder, file)), DurableJson.Options)!;
        var compared = new List<ReplayedAction>();
        foreach (var (past, arrivals) in EpisodeSteps.Of(HistoryJson.DeserializeAll(recording.History.GetRawText())))
        {
            var actions = HistoryReplay.Replay(recording.Orchestrator, Orchestrators[recording.Orchestrator](), past, arrivals);
            var grpcActions = GrpcReplay.Replay(Orchestrators[recording.Orchestrator](), past, arrivals, HistoryReplay.WorkerOptions());
            Assert.Equal(actions.Select(ReplayedAction.Of), grpcActions);
            compared.AddRange(grpcActions);
        }

        Assert.Contains(compared, action => action.Kind == "ScheduleTask");
        Assert.Contains(compared, action => action.Kind == "CreateTimer");
        Assert.Contains(compared, action => action.Kind == "CreateSubOrchestration");
    }

    // The recorded orchestrators as Durable Functions would register them, one class per name.
    private static readonly Dictionary<string, Func<ITaskOrchestrator>> Orchestrators = new(StringComparer.Ordinal)
    {
        ["SampleYear"] = () => new SampleYear(),
    };

    [Fact]
    public async Task Recordings_are_present_and_can_be_made_again()
    {
        if (Environment.GetEnvironmentVariable("MENTORFLOW_RECORD_GOLDEN") == "1")
        {
            await RecordAsync();
        }

        Assert.NotEmpty(Recordings());
    }

    private static async Task RecordAsync()
    {
        using var engine = new Engine(Registry());
        var midway = await engine.Client.ScheduleNewOrchestrationInstanceAsync("SampleYear", "pairing-midway");
        var finished = await engine.Client.ScheduleNewOrchestrationInstanceAsync("SampleYear", "pairing-finished");
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(finished, "Signed", "both signed");
        await engine.RunAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(14)); // midway times out and escalates
        await engine.AdvanceAsync(TimeSpan.FromDays(180));
        foreach (var (id, name) in new[] { (midway, "escalated"), (finished, "signed") })
        {
            // Recorded up to the last step before completion, so replay re-runs every step.
            var history = (await engine.Client.GetOrchestrationHistoryAsync(id)).Where(e => e is not ExecutionCompletedEvent).ToList();
            var recording = new Recording("SampleYear", JsonDocument.Parse(HistoryJson.SerializeAll(history)).RootElement, OrchestrationStatus.Completed);
            await File.WriteAllTextAsync(Path.Combine(Folder, $"SampleYear-{name}.json"), JsonSerializer.Serialize(recording, Indented));
        }
    }

    /// <summary>One checked-in history.</summary>
    public sealed record Recording(string Orchestrator, JsonElement History, OrchestrationStatus ExpectedStatus);

    /// <summary>An orchestrator shaped like a program year: a call with retry, an event with a timeout, a timer, a child.</summary>
    private sealed class SampleYear : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            context.SetCustomStatus(new { stage = "kickoff" });
            var notice = await context.CallActivityAsync<string>("Notify", input, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMinutes(5))));
            string signature;
            try
            {
                signature = await context.WaitForExternalEvent<string>("Signed", TimeSpan.FromDays(14));
            }
            catch (TaskCanceledException)
            {
                signature = "escalated";
            }

            await context.CreateTimer(TimeSpan.FromDays(180), CancellationToken.None);
            var child = await context.CallSubOrchestratorAsync<int>("Child", 41);
            return $"{notice}; {signature}; {child}";
        }
    }
}
