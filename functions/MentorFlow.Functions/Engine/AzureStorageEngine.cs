using DurableTask.AzureStorage;
using DurableTask.Core;
using MentorFlow.Core.Simulation;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Service;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;

namespace MentorFlow.Functions.Engine;

/// <summary>
/// The year on Azure Storage (<c>MentorFlow:Engine:Backend</c> = <c>AzureStorage</c>): DurableTask.AzureStorage's task hub
/// of queues, tables and blobs, so several app processes on one task hub share the pairings' work.
/// </summary>
public static class AzureStorageEngine
{
    /// <summary>The section holding the connection string, the task hub name and the partition count.</summary>
    public const string Section = "MentorFlow:Engine:AzureStorage";

    /// <summary>Adds the Azure Storage task hub, the SDK client over it and the worker that runs the host's <paramref name="tasks"/> on it.</summary>
    public static IServiceCollection AddAzureStorageEngine(this IServiceCollection services, IConfiguration configuration, TimeProvider clock, Action<DurableTaskRegistry> tasks)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (clock is VirtualClock)
        {
            throw new InvalidOperationException(
                $"MentorFlow:Engine:Backend is AzureStorage, but {Clock.ProgramClock.StartSetting} starts a virtual clock. Azure Storage's queues " +
                "release timers by real time, so the year could not follow a clock moved by hand. Remove " +
                $"{Clock.ProgramClock.StartSetting} for real time, or use the Sqlite backend (the default) for a demo on a virtual clock.");
        }

        var settings = configuration.GetSection(Section);
        var connectionString = settings["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"MentorFlow:Engine:Backend is AzureStorage but {Section}:ConnectionString is not set; set it to the storage account's " +
                "connection string (UseDevelopmentStorage=true for Azurite), or remove the Backend setting to use the embedded Sqlite engine.");
        }

        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = settings["TaskHub"] ?? "mentorflow",
            PartitionCount = settings.GetValue("PartitionCount", 4),
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(settings.GetValue("MaxPollMilliseconds", 1000)),
        });
        services.AddSingleton<IOrchestrationService>(service);
        services.AddSingleton<DurableTaskClient>(new OrchestrationServiceClient(service));
        services.AddDurableTaskWorker(builder => builder
            .AddTasks(tasks)
            .UseOrchestrationService());
        return services;
    }
}
