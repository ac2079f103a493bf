using MentorFlow.Durable.Client;
using MentorFlow.Durable.Service;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Tests.Service;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_sent_while_a_commit_is_under_way_go_together_in_the_next_one()
    {
        var batches = new List<IReadOnlyList<int>>();
        var firstCommit = new TaskCompletionSource();
        var firstStarted = new TaskCompletionSource();
        var commit = new GroupCommit<int>(async batch =>
        {
            batches.Add(batch);
            if (batches.Count == 1)
            {
                firstStarted.SetResult();
                await firstCommit.Task;
            }

            return new Exception?[batch.Count];
        });

        var first = commit.SendAsync(1, CancellationToken.None);
        await firstStarted.Task;

        var waiting = new[] { commit.SendAsync(2, CancellationToken.None), commit.SendAsync(3, CancellationToken.None), commit.SendAsync(4, CancellationToken.None) };
        firstCommit.SetResult();
        await Task.WhenAll([first, .. waiting]);

        Assert.Equal([[1], [2, 3, 4]], batches.Select(b => b.ToArray()));
    }

    [Fact]
    public async Task A_broken_checkpoint_in_a_group_fails_only_its_own_caller()
    {
        using var engine = new Engine(new DurableTaskRegistry()
            .AddOrchestratorFunc<object?, string>("Wait", (context, _) => context.WaitForExternalEvent<string>("Go")));
        foreach (var id in new[] { "a", "b" })
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, new StartOrchestrationOptions(id));
        }

        await engine.RunAsync();
        await engine.Client.RaiseEventAsync("a", "Go", "a went");
        await engine.Client.RaiseEventAsync("b", "Go", "b went");
        var now = engine.Clock.GetUtcNow().UtcDateTime;
        var items = await engine.Store.LockOrchestrationsAsync("core", now, TimeSpan.FromMinutes(1), 10, null, default);
        var a = items.Single(i => i.Instance.InstanceId == "a");
        var b = items.Single(i => i.Instance.InstanceId == "b");

        // b's checkpoint rewrites history position 0, which the store refuses; as one transaction the group would fail whole.
        var outcomes = await StoreCommits.EpisodesAsync(engine.Store, engine.Clock,
            [new EpisodeCheckpoint(a, Complete(a, "a by core")), new EpisodeCheckpoint(b with { History = [], HistoryLength = 0 }, Complete(b, "b forged"))]);

        Assert.Null(outcomes[0]);
        Assert.NotNull(outcomes[1]);
        Assert.Equal("a by core", (await engine.InstanceAsync("a")).ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("b")).RuntimeStatus);
    }

    private static Checkpoint Complete(OrchestrationWorkItem item, string output) => new(
        DurableTask.Core.OrchestrationStatus.Completed, null, DurableJson.Serialize(output), null, item.Instance.ExecutionId,
        [new ExecutionCompletedEvent(-1, DurableJson.Serialize(output), DurableTask.Core.OrchestrationStatus.Completed) { Timestamp = Engine.Start.UtcDateTime }],
        [.. item.Messages.Select(m => m.SequenceNumber)], [], [], []);
}
