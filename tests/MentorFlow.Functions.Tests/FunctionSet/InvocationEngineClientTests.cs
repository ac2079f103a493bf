using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Functions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>
/// Under the Functions host the services' engine client is the one Durable Functions bound to the running invocation:
/// calls reach it through awaits, stop reaching it when the invocation ends, and fail saying what to do when none is bound.
/// </summary>
public sealed class InvocationEngineClientTests
{
    [Fact]
    public async Task Calls_go_to_the_client_bound_to_the_invocation_and_only_while_it_runs()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-bound-");
        try
        {
            var store = SqlitePartitions.Open(Path.Combine(folder.FullName, "engine.db"), 1);
            var bound = new OrchestrationStoreClient(store, new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero)));
            var services = new InvocationEngineClient();

            using (InvocationEngineClient.Bind(bound))
            {
                await Task.Yield();
                var id = await services.ScheduleNewOrchestrationInstanceAsync("PairingYear", new { }, new Microsoft.DurableTask.StartOrchestrationOptions("p-bound"));
                Assert.Equal("p-bound", id);
                Assert.NotNull(await bound.GetInstanceAsync("p-bound"));
            }

            var unbound = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetInstancesAsync("p-bound"));
            Assert.Contains("[DurableClient]", unbound.Message, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
