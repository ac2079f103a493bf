using System.Collections.Concurrent;
using MentorFlow.Core.Messaging;

namespace MentorFlow.Core.Tests.Year;

/// <summary>A messenger (our own interface) that keeps what was sent, for tests to read.</summary>
internal sealed class RecordingMessenger : IProgramMessenger
{
    private readonly ConcurrentQueue<ProgramMessage> _sent = new();

    public IReadOnlyList<ProgramMessage> Sent => [.. _sent];

    /// <summary>While true the mail server cannot be reached: every send fails and nothing goes.</summary>
    public Func<bool> IsDown { get; set; } = () => false;

    /// <summary>Sends refused because the mail server was down.</summary>
    public int Refused { get; private set; }

    /// <summary>When set, the next send goes out and then the process dies before anything else happens (the exception stands for that).</summary>
    public bool DiesAfterNextSend { get; set; }

    /// <summary>When set, runs once as the next message goes (e.g. the clock jumps while the mail is being sent).</summary>
    public Action? WhileNextSends { get; set; }

    public Task SendAsync(ProgramMessage message, CancellationToken cancellationToken)
    {
        if (WhileNextSends is { } during)
        {
            WhileNextSends = null;
            during();
        }

        if (IsDown())
        {
            Refused++;
            throw new MailNotSentException("the mail server cannot be reached");
        }

        _sent.Enqueue(message);
        if (DiesAfterNextSend)
        {
            DiesAfterNextSend = false;
            throw new InvalidOperationException("the process died after the mail server took the message");
        }

        return Task.CompletedTask;
    }

    public int Count(ProgramMessageKind kind, RecipientRole? to = null) =>
        _sent.Count(m => m.Kind == kind && (to is null || m.To.Role == to));
}
