namespace MentorFlow.Durable.Client;

/// <summary>
/// Group commit: what callers send while a commit is under way waits and goes together in the next one, so many
/// concurrent calls cost one store transaction (and one flush to disk) instead of one each. Each caller is told how its
/// own item fared.
/// </summary>
/// <param name="commit">Commits a batch; returns, for each item in order, null when it went or the exception for its caller.</param>
internal sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task<IReadOnlyList<Exception?>>> commit)
{
    private readonly Lock _gate = new();
    private List<(T Item, TaskCompletionSource Done)> _waiting = [];
    private bool _committing;

    /// <summary>Commits <paramref name="item"/> with whatever else is waiting.</summary>
    public Task SendAsync(T item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _waiting.Add((item, done));
            start = !_committing;
            _committing = true;
        }

        if (start)
        {
            _ = Task.Run(CommitWaitingAsync, CancellationToken.None);
        }

        return done.Task;
    }

    private async Task CommitWaitingAsync()
    {
        while (true)
        {
            List<(T Item, TaskCompletionSource Done)> batch;
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
                var outcomes = await commit([.. batch.Select(b => b.Item)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (outcomes[i] is { } failure)
                    {
                        batch[i].Done.TrySetException(failure);
                    }
                    else
                    {
                        batch[i].Done.TrySetResult();
                    }
                }
            }
#pragma warning disable CA1031 // A failed commit is each caller's failure: it is handed to them, never lost here.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }
}
