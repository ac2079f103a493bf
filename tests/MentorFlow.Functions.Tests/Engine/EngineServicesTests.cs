using MentorFlow.Durable.Partitions;
using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorFlow.Functions.Tests.Engine;

public sealed class EngineServicesTests
{
    [Fact]
    public async Task A_new_data_folder_gets_a_two_partition_engine_store_and_a_worker_loop_for_each_partition()
    {
        await using var app = await RunningApp.StartAsync();

        var store = Assert.IsType<PartitionedOrchestrationStore>(app.Services.GetRequiredService<IOrchestrationStore>());
        Assert.Equal(2, store.Partitions.Count);
        Assert.True(File.Exists(Path.Combine(app.Root, "data", "engine.db")));
        Assert.True(File.Exists(Path.Combine(app.Root, "data", "engine.p1.db")));
        Assert.Equal(2, Assert.Single(app.Services.GetServices<IHostedService>().OfType<OrchestrationWorker>()).Loops);
    }

    [Fact]
    public async Task A_partition_count_below_one_stops_start_up_and_says_what_to_set()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningApp.StartAsync("--MentorFlow:Engine:Partitions", "0"));

        Assert.Contains("set it to 1 or more", refused.Message, StringComparison.Ordinal);
    }
}
