namespace MentorFlow.Functions.Submissions;

/// <summary>
/// Finishes what a crash or an unreachable engine left: raises the pending year events when the app starts (before it
/// takes requests) and then every <c>MentorFlow:Engine:PendingEventsSeconds</c> (default 60) on the app's clock.
/// </summary>
public sealed class YearEventRelayService(YearEventRelay relay, TimeProvider clock, IConfiguration configuration) : BackgroundService
{
    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await relay.RaisePendingAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(configuration.GetValue("MentorFlow:Engine:PendingEventsSeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(period, clock, stoppingToken);
            await relay.RaisePendingAsync(stoppingToken);
        }
    }
}
