using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pairings;

/// <summary>Starts the years a cut-short import left unstarted: at start (before the saved events are raised to them) and every ten minutes.</summary>
public sealed class YearStartFunctions(YearStartRecovery recovery)
{
    /// <summary>Starts every stored pairing's missing year.</summary>
    [Function("FinishCutShortImports")]
    public Task Run([TimerTrigger("0 */10 * * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        // The recovery asks and starts through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(engine);
        return recovery.StartMissingYearsAsync(cancellationToken);
    }
}
