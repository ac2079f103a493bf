using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Pairings;

/// <summary>
/// Finishes an import a crash (or an unreachable engine) cut short: it starts the year of every stored pairing that has
/// none (<see cref="YearStartFunctions"/> runs it when the app starts and every ten minutes). Pairings that ended early are
/// left alone; so are pairings of districts no longer configured. One per app, so what it learnt is kept between runs.
/// </summary>
public sealed partial class YearStartRecovery(IPairingRecords records, PairingIntake intake, DistrictDirectory districts, ILogger<YearStartRecovery> logger)
{
    // Pairings whose year is known to exist: a later run asks the engine only about the others.
    private readonly HashSet<string> _started = new(StringComparer.Ordinal);

    /// <summary>Starts the missing years now; returns how many it started, or null when it failed (it logged why).</summary>
    public async Task<int?> StartMissingYearsAsync(CancellationToken cancellationToken)
    {
        var started = 0;
        try
        {
            foreach (var district in districts.All)
            {
                var stored = await records.ListAsync(district.Id, cancellationToken);
                PairingRecord[] unknown = [.. stored.Where(r => r.Separation is null && !_started.Contains(r.Pairing.PairingId))];
                started += await intake.EnsureYearsStartedAsync(unknown, cancellationToken);
                _started.UnionWith(unknown.Select(r => r.Pairing.PairingId));
            }
        }
#pragma warning disable CA1031 // A records database or engine that fails now must not stop the app: the next run tries again.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            if (Health.StorageFault.Of(ex) is { } fault)
            {
                LogDiskRefused(fault, started);
            }
            else
            {
                LogFailed(ex, started);
            }

            return null;
        }

        if (started > 0)
        {
            LogStarted(started);
        }

        return started;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Started {Count} stored pairings' years that had not started (an import was cut short)")]
    private partial void LogStarted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The data disk refused a write ({Fault}) after {Count} missing years started; the rest start, backing off, once the disk takes writes")]
    private partial void LogDiskRefused(Health.StorageFaultKind fault, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting stored pairings' missing years failed after {Count} started; the next run tries again")]
    private partial void LogFailed(Exception exception, int count);
}
