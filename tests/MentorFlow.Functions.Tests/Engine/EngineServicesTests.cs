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

    [Fact]
    public async Task Azure_Storage_with_a_virtual_clock_is_refused_at_start_up_saying_why()
    {
        // RunningApp starts on a virtual clock (MentorFlow:Clock:Start).
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningApp.StartAsync(
            "--MentorFlow:Engine:Backend", "AzureStorage",
            "--MentorFlow:Engine:AzureStorage:ConnectionString", "UseDevelopmentStorage=true"));

        Assert.Contains("release timers by real time", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Remove MentorFlow:Clock:Start", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cosmos", "set it to Sqlite (the default, embedded) or AzureStorage")]
    [InlineData("AzureStorage", "ConnectionString is not set")]
    public async Task An_unknown_backend_or_one_without_its_connection_is_refused_saying_what_to_set(string backend, string message)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningApp.StartAsync(
            "--MentorFlow:Clock:Start", "", "--MentorFlow:Engine:Backend", backend));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
