using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Durable.Service;

/// <summary>Makes the SDK's worker builder build a <see cref="ServiceWorker"/> over the registered <see cref="IOrchestrationService"/>.</summary>
public static class ServiceWorkerBuilder
{
    /// <summary>
    /// Runs this builder's orchestrators and activities with DurableTask.Core's dispatchers; the service collection must
    /// hold the <see cref="IOrchestrationService"/> and the <see cref="TimeProvider"/> to run on.
    /// </summary>
    public static IDurableTaskWorkerBuilder UseOrchestrationService(this IDurableTaskWorkerBuilder builder, TimeSpan? maximumTimerInterval = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configure(sdk =>
        {
            sdk.DataConverter = DurableJson.Converter;
            if (maximumTimerInterval is { } interval)
            {
                sdk.MaximumTimerInterval = interval;
            }
        });
        return builder.UseBuildTarget<ServiceWorker>();
    }
}
