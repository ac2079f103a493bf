using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// Finishes what a crash or an unreachable engine left: raises the pending year events when the app starts (before it
/// takes requests) and then every minute. A disk or engine that fails is logged; the next run tries again.
/// </summary>
public sealed partial class YearEventRelayFunction(YearEventRelay relay, ILogger<YearEventRelayFunction> logger)
{
    /// <summary>Raises every saved year event the engine has not taken yet.</summary>
    [Function("RaiseSavedYearEvents")]
    public Task Run([TimerTrigger("0 * * * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        // The relay raises through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(engine);
        return RaisePendingAsync(cancellationToken);
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
