using System.Collections.Concurrent;
using MentorFlow.Core.Messaging;

namespace MentorFlow.Simulation;

/// <summary>Where a simulation's messages arrive, so its simulated people can answer them.</summary>
public sealed class SimulatedInbox : IProgramMessenger
{
    private readonly ConcurrentQueue<ProgramMessage> _arrived = new();
    private int _sent;

    /// <summary>Messages delivered so far.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <inheritdoc/>
    public Task SendAsync(ProgramMessage message, CancellationToken cancellationToken)
    {
        _arrived.Enqueue(message);
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }

    /// <summary>Takes what arrived since the last call, in a stable order (by pairing, then key).</summary>
    public IReadOnlyList<ProgramMessage> TakeArrived()
    {
        var taken = new List<ProgramMessage>();
        while (_arrived.TryDequeue(out var message))
        {
            taken.Add(message);
        }

        return [.. taken.OrderBy(m => m.PairingId, StringComparer.Ordinal).ThenBy(m => m.IdempotencyKey, StringComparer.Ordinal)];
    }
}
