using MentorFlow.Core.Year;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// Raises the year events saved records still owe (<see cref="IPendingYearEvents"/>), oldest first, and marks each raised
/// only once the engine took it. A crash between the two raises it again on the next run; the year applies its id once.
/// </summary>
public sealed partial class YearEventRelay(IPendingYearEvents pending, DurableTaskClient engine, TimeProvider clock, ILogger<YearEventRelay> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Events saved and not yet raised.</summary>
    public async Task<int> CountPendingAsync(CancellationToken cancellationToken) => (await pending.ListAsync(cancellationToken)).Count;

    /// <summary>
    /// Raises every pending event, in the order saved; returns how many the engine took. An event the engine refused stays
    /// pending, and so do its pairing's later ones, so a year hears its events in order; other pairings go on.
    /// </summary>
    public async Task<int> RaisePendingAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var blocked = new HashSet<string>(StringComparer.Ordinal);
            var raised = 0;
            foreach (var saved in await pending.ListAsync(cancellationToken))
            {
                if (blocked.Contains(saved.PairingId))
                {
                    continue;
                }

                try
                {
                    await engine.RaiseEventAsync(saved.PairingId, PairingYearOrchestrator.EventName, saved.Event, cancellationToken);
                }
#pragma warning disable CA1031 // An engine that cannot take the event now gets it on the next run; the form is saved either way.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogRefused(ex, saved.Event.Id);
                    blocked.Add(saved.PairingId);
                    continue;
                }

                await pending.MarkRaisedAsync(saved, clock.GetUtcNow().UtcDateTime, cancellationToken);
                raised++;
            }

            return raised;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved year event {EventId} could not be raised yet; it stays pending and is raised again on the next run")]
    private partial void LogRefused(Exception exception, string? eventId);
}
