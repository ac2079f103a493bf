using System.Text.Json;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// Raises the year events saved forms still owe (<see cref="PendingYearEvents"/>), oldest first, and marks each raised only
/// once the engine took it. A crash between the two raises it again on the next run; the year applies its id once.
/// </summary>
public sealed partial class YearEventRelay(string path, DurableTaskClient engine, TimeProvider clock, ILogger<YearEventRelay> logger) : IDisposable
{
    private readonly RecordsDatabase _database = new(path, PendingYearEvents.Schema);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Events saved and not yet raised.</summary>
    public Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        return Task.FromResult(Convert.ToInt32(RecordsDatabase.Scalar(connection, null, "SELECT COUNT(*) FROM PendingYearEvents WHERE RaisedAt IS NULL;"),
            System.Globalization.CultureInfo.InvariantCulture));
    }

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
            foreach (var (sequence, pairingId, json) in Pending())
            {
                if (blocked.Contains(pairingId))
                {
                    continue;
                }

                try
                {
                    await engine.RaiseEventAsync(pairingId, PairingYearOrchestrator.EventName,
                        JsonSerializer.Deserialize<PairingYearEvent>(json, DurableJson.Options), cancellationToken);
                }
#pragma warning disable CA1031 // An engine that cannot take the event now gets it on the next run; the form is saved either way.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    LogRefused(ex, sequence);
                    blocked.Add(pairingId);
                    continue;
                }

                MarkRaised(sequence);
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

    private List<(long Sequence, string PairingId, string Event)> Pending()
    {
        using var connection = _database.Open();
        using var command = RecordsDatabase.Command(connection, null,
            "SELECT Sequence, PairingId, Event FROM PendingYearEvents WHERE RaisedAt IS NULL ORDER BY Sequence;");
        using var reader = command.ExecuteReader();
        var pending = new List<(long, string, string)>();
        while (reader.Read())
        {
            pending.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return pending;
    }

    private void MarkRaised(long sequence)
    {
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null, "UPDATE PendingYearEvents SET RaisedAt = $at WHERE Sequence = $sequence;",
            ("$at", clock.GetUtcNow().ToUnixTimeMilliseconds()), ("$sequence", sequence));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saved year event {Sequence} could not be raised yet; it stays pending and is raised again on the next run")]
    private partial void LogRefused(Exception exception, long sequence);
}
