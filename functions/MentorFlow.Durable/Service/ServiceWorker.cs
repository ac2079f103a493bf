using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdkWorker = Microsoft.DurableTask.Worker.Hosting.DurableTaskWorker;

namespace MentorFlow.Durable.Service;

/// <summary>
/// Runs the Durable Task SDK's orchestrators and activities registered with <c>AddDurableTaskWorker</c> on any
/// DurableTask.Core backend (<see cref="IOrchestrationService"/>: Azure Storage, or the SQLite store through
/// <see cref="StoreOrchestrationService"/>) with DurableTask.Core's own dispatchers, the <see cref="TaskHubWorker"/>, and
/// the SDK's shims, as Durable Functions runs them. Each episode's <see cref="OrchestratorStartedEvent"/> is stamped from
/// the injected <see cref="TimeProvider"/>, so orchestrations read the app's clock. Concurrency is the backend's own
/// setting (<see cref="IOrchestrationService.MaxConcurrentTaskOrchestrationWorkItems"/>); stopping lets work in hand finish.
/// </summary>
public sealed partial class ServiceWorker : SdkWorker
{
    private readonly IOrchestrationService _service;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates the worker; the SDK's worker builder calls this with the registered tasks' factory.</summary>
    public ServiceWorker(
        string? name,
        IDurableTaskFactory factory,
        IOrchestrationService service,
        TimeProvider timeProvider,
        IServiceProvider services,
        ILoggerFactory loggerFactory,
        IOptionsMonitor<DurableTaskWorkerOptions> sdkOptions)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(sdkOptions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _service = service;
        _timeProvider = timeProvider;
        _services = services;
        _loggerFactory = loggerFactory;
        _shims = new DurableTaskShimFactory(sdkOptions.Get(Name), loggerFactory);
        _logger = loggerFactory.CreateLogger<ServiceWorker>();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var worker = new TaskHubWorker(
            _service,
            new TaskObjects<TaskOrchestration>(name => Factory.TryCreateOrchestrator(name, _services, out var orchestrator)
                ? new ParentAwareOrchestration(parent => _shims.CreateOrchestration(name, orchestrator, parent))
                : null),
            new TaskObjects<TaskActivity>(name => Factory.TryCreateActivity(name, _services, out var activity)
                ? _shims.CreateActivity(name, activity)
                : null),
            _loggerFactory);
        worker.AddOrchestrationDispatcherMiddleware(StampEpisodeAsync);
        worker.AddActivityDispatcherMiddleware(LogActivityAsync);
        await _service.CreateIfNotExistsAsync();
        await worker.StartAsync();
        LogStarted(_service.GetType().Name);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: fall through and let the dispatchers finish what they hold.
        }

        await worker.StopAsync(isForced: false);
        LogStopped();
    }

    // DurableTask.Core's dispatcher stamps the episode with DateTime.UtcNow; the orchestrator must read the app's clock.
    // The orchestration also learns its parent here, the first place the episode is known.
    private Task StampEpisodeAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<OrchestrationRuntimeState>() is { } state)
        {
            if (state.NewEvents.OfType<OrchestratorStartedEvent>().LastOrDefault() is { } started)
            {
                started.Timestamp = _timeProvider.GetUtcNow().UtcDateTime;
            }

            (context.GetProperty<TaskOrchestration>() as ParentAwareOrchestration)?.Bind(state);
        }

        return next();
    }

    // Which process ran which call: with several processes on one task hub, the trail of who did the work.
    private async Task LogActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        await next();
        if (context.GetProperty<TaskScheduledEvent>() is { } scheduled)
        {
            LogActivityRan(scheduled.Name ?? string.Empty, context.GetProperty<OrchestrationInstance>()?.InstanceId ?? string.Empty);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Activity {Activity} ran for instance {InstanceId}")]
    private partial void LogActivityRan(string activity, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker started on {Backend}")]
    private partial void LogStarted(string backend);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker stopped")]
    private partial void LogStopped();
}
