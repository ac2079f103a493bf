using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Client;

/// <summary>
/// Group commit for raised events: events sent while a commit is under way wait and go together in the next one, each
/// caller told whether its own event was queued.
/// </summary>
internal sealed class EventBatcher(IOrchestrationStore store)
{
    private readonly Lock _gate = new();
    private List<(OutgoingMessage Message, TaskCompletionSource Sent)> _waiting = [];
    private bool _committing;

    /// <summary>Queues the message with whatever else is waiting; throws when its instance does not exist.</summary>
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((message, sent));
            start = !_committing;
            _committing = true;
        }

        if (start)
        {
            _ = Task.Run(CommitWaitingAsync, CancellationToken.None);
        }

        return sent.Task;
    }

    private async Task CommitWaitingAsync()
    {
        while (true)
        {
            List<(OutgoingMessage Message, TaskCompletionSource Sent)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _committing = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            try
            {
                // The store queues a batch all or none: events for missing instances are refused and the rest go again.
                var pending = batch;
                while (pending.Count > 0)
                {
                    var missing = (await store.EnqueueMessagesAsync([.. pending.Select(p => p.Message)], CancellationToken.None)).ToHashSet(StringComparer.Ordinal);
                    if (missing.Count == 0)
                    {
                        pending.ForEach(p => p.Sent.TrySetResult());
                        break;
                    }

                    foreach (var (message, sent) in pending.Where(p => missing.Contains(p.Message.InstanceId)))
                    {
                        sent.TrySetException(new InvalidOperationException(
                            $"No orchestration instance '{message.InstanceId}' exists to receive event '{(message.Event as DurableTask.Core.History.EventRaisedEvent)?.Name}'."));
                    }

                    pending = [.. pending.Where(p => !missing.Contains(p.Message.InstanceId))];
                }
            }
#pragma warning disable CA1031 // A failed commit is each caller's failure: it is handed to them, never lost here.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Sent.TrySetException(ex));
            }
        }
    }
}
