using System.Collections.Concurrent;
using MentorFlow.Core.Messaging;

namespace MentorFlow.Core.Tests.Year;

/// <summary>A messenger (our own interface) that keeps what was sent, for tests to read.</summary>
internal sealed class RecordingMessenger : IProgramMessenger
{
    private readonly ConcurrentQueue<ProgramMessage> _sent = new();

    public IReadOnlyList<ProgramMessage> Sent => [.. _sent];

    public Task SendAsync(ProgramMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public int Count(ProgramMessageKind kind, RecipientRole? to = null) =>
        _sent.Count(m => m.Kind == kind && (to is null || m.To.Role == to));
}
