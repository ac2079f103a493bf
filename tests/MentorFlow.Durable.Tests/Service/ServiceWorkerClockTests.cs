using DurableTask.Core;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Service;
using MentorFlow.Durable.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Durable.Tests.Service;

public sealed class ServiceWorkerClockTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-service-clock-");

    [Fact]
    public async Task Episodes_read_the_injected_clock_and_a_month_long_timer_fires_when_the_clock_moves()
    {
        var clock = new FakeTimeProvider(Start);
        IOrchestrationService service = new StoreOrchestrationService(
            SqlitePartitions.Open(Path.Combine(_folder.FullName, "engine.db"), 1), clock, new StoreOrchestrationServiceOptions(PollInterval: TimeSpan.FromMilliseconds(10)));
        await using var host = new ServiceCollection()
            .AddSingleton(service)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDurableTaskWorker(builder => builder
                .AddTasks(tasks => tasks.AddOrchestratorFunc<object?, DateTime[]>("MonthApart", async (context, _) =>
                {
                    var first = context.CurrentUtcDateTime;
                    context.SetCustomStatus("waiting a month");
                    await context.CreateTimer(first.AddDays(30), CancellationToken.None);
                    return [first, context.CurrentUtcDateTime];
                }))
                .UseOrchestrationService())
            .BuildServiceProvider();
        var worker = host.GetServices<IHostedService>().OfType<ServiceWorker>().Single();
        await using var client = new OrchestrationServiceClient((IOrchestrationServiceClient)service, new OrchestrationStoreClientOptions(PollInterval: TimeSpan.FromMilliseconds(10)));
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync("MonthApart", new StartOrchestrationOptions("pairing-1"));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            // The dispatchers keep real time; the timer exists once the first episode's checkpoint shows its status.
            while ((await client.GetInstanceAsync("pairing-1", patience.Token))?.SerializedCustomStatus is null)
            {
                await Task.Delay(10, patience.Token);
            }

            clock.Advance(TimeSpan.FromDays(31));
            var done = await client.WaitForInstanceCompletionAsync("pairing-1", getInputsAndOutputs: true, patience.Token);

            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal([Start.UtcDateTime, Start.UtcDateTime.AddDays(31)], done.ReadOutputAs<DateTime[]>()!);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
