namespace MentorFlow.Durable.Replay;

/// <summary>
/// Runs an orchestrator's continuations one at a time on the thread that drains it, so replay is
/// single-threaded and deterministic whatever thread completed the awaited task.
/// </summary>
internal sealed class OrchestrationTaskScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    /// <summary>Runs queued continuations, and any they queue, until none is left.</summary>
    public void RunPending()
    {
        // Without the caller's synchronization context (a UI's, a test runner's): an await in the orchestrator would
        // capture it and post its continuation there, outside the episode, instead of back to this queue.
        var ambient = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (true)
            {
                Task? next;
                lock (_queue)
                {
                    if (!_queue.TryDequeue(out next))
                    {
                        return;
                    }
                }

                TryExecuteTask(next);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(ambient);
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (_queue)
        {
            _queue.Enqueue(task);
        }
    }

    // Never inline: every continuation goes through the queue in order.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_queue)
        {
            return [.. _queue];
        }
    }
}
