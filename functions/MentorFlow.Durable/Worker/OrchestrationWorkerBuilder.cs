using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Durable.Worker;

/// <summary>Makes the SDK's worker builder build an <see cref="OrchestrationWorker"/> over the registered <see cref="IOrchestrationStore"/>.</summary>
public static class OrchestrationWorkerBuilder
{
    /// <summary>
    /// Timers are one queued row each on the store, whatever their length, so the SDK need not split long ones into
    /// hops (it does so at three days by default, for backends that cannot hold a long timer).
    /// </summary>
    public static readonly TimeSpan MaximumTimerInterval = TimeSpan.FromDays(3650);

    /// <summary>
    /// Runs this builder's orchestrators and activities on an <see cref="OrchestrationWorker"/>; the service collection
    /// must hold the <see cref="IOrchestrationStore"/> and the <see cref="TimeProvider"/> to run on.
    /// </summary>
    public static IDurableTaskWorkerBuilder UseOrchestrationStore(this IDurableTaskWorkerBuilder builder, OrchestrationWorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new OrchestrationWorkerRegistration(builder.Name, options ?? new OrchestrationWorkerOptions()));
        builder.Configure(sdk =>
        {
            sdk.DataConverter = DurableJson.Converter;
            sdk.MaximumTimerInterval = MaximumTimerInterval;
        });
        return builder.UseBuildTarget<OrchestrationWorker>();
    }

    /// <summary>
    /// A worker outside any host (a simulation, a test): its orchestrators and activities are those
    /// <paramref name="tasks"/> registers; call <see cref="OrchestrationWorker.ProcessAllDueAsync"/> to run what is due.
    /// </summary>
    public static OrchestrationWorker Create(
        IOrchestrationStore store, TimeProvider timeProvider, Action<DurableTaskRegistry> tasks, OrchestrationWorkerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(timeProvider)
            .AddSingleton(loggerFactory ?? NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDurableTaskWorker(builder => builder.AddTasks(tasks).UseOrchestrationStore(options));
        return services.BuildServiceProvider().GetServices<IHostedService>().OfType<OrchestrationWorker>().Single();
    }
}

/// <summary>The options an <see cref="OrchestrationWorker"/> built under <paramref name="Name"/> runs with.</summary>
public sealed record OrchestrationWorkerRegistration(string Name, OrchestrationWorkerOptions Options);
