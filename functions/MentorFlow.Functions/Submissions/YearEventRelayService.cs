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
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(period, clock, stoppingToken);
            await RaisePendingAsync(stoppingToken);
        }
    }

    private async Task RaisePendingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await relay.RaisePendingAsync(cancellationToken);
        }
#pragma warning disable CA1031 // A records database that fails once must not stop the app: the next run tries again.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Raising the saved year events failed; they stay pending and the next run tries again")]
    private partial void LogFailed(Exception exception);
}
