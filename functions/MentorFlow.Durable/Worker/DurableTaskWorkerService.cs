using Microsoft.Extensions.Hosting;

namespace MentorFlow.Durable.Worker;

/// <summary>Hosts a <see cref="DurableTaskWorker"/> as a .NET background service that polls for due work.</summary>
public sealed class DurableTaskWorkerService(DurableTaskWorker worker, TimeProvider timeProvider, DurableTaskWorkerOptions? options = null) : BackgroundService
{
    private readonly TimeSpan _idlePoll = (options ?? new DurableTaskWorkerOptions()).IdlePoll;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await worker.ProcessDueAsync(100, stoppingToken) == 0)
            {
                try
                {
                    await Task.Delay(_idlePoll, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
