namespace MentorFlow.Functions.Submissions;

/// <summary>
/// Finishes what a crash or an unreachable engine left: raises the pending year events when the app starts (before it
/// takes requests) and then every <c>MentorFlow:Engine:PendingEventsSeconds</c> (default 60) on the app's clock.
/// </summary>
public sealed partial class YearEventRelayService(YearEventRelay relay, TimeProvider clock, IConfiguration configuration, ILogger<YearEventRelayService> logger)
    : BackgroundService
{
    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RaisePendingAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(configuration.GetValue("MentorFlow:Engine:PendingEventsSeconds", 60));
        var wait = period;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, clock, stoppingToken);
            wait = Health.BackOff.Next(await RaisePendingAsync(stoppingToken), wait, period);
        }
    }

    private async Task<bool> RaisePendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await relay.RaisePendingAsync(cancellationToken);
            return true;
        }
#pragma warning disable CA1031 // A records database that fails (a full or read-only disk) must not stop the app: the next run tries again.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            if (Health.StorageFault.Of(ex) is { } fault)
            {
                LogDiskRefused(fault);
            }
            else
            {
                LogFailed(ex);
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The data disk refused a write ({Fault}) while raising saved year events; they stay pending, and raising resumes, backing off, once the disk takes writes")]
    private partial void LogDiskRefused(Health.StorageFaultKind fault);

    [LoggerMessage(Level = LogLevel.Error, Message = "Raising the saved year events failed; they stay pending and the next run tries again")]
    private partial void LogFailed(Exception exception);
}
