using DurableTask.Core;
using MentorFlow.Durable.Worker;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// Writes a batch of episodes' checkpoints inside one open transaction. Each lease is released and each instance row
/// updated as its episode is written (the release is where a lost lease shows); the queue rows every episode adds or
/// removes — consumed and cancelled messages, queued messages — are gathered and written by <see cref="Flush"/> in a
/// few statements for the whole batch.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly DateTime _now;
    private readonly SqliteCommand _releaseLease;
    private readonly SqliteCommand _updateInstance;
    private readonly SqliteCommand _appendEpisode;
    private readonly List<long> _consumed = [];
    private readonly List<string> _finished = [];
    private readonly JsonRows _cancelledTimers = JsonRows.Start();
    private readonly JsonRows _messages = JsonRows.Start();

    public CheckpointWriter(SqliteConnection connection, SqliteTransaction transaction, DateTime now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
        // Releasing the lease is where a lost one shows: another worker's lease replaced this worker's.
        _releaseLease = SqliteOrchestrationStore.Command(connection, transaction,
            "DELETE FROM Leases WHERE InstanceId = $id AND LockedBy = $worker;", ("$id", null), ("$worker", null));
        _updateInstance = SqliteOrchestrationStore.Command(connection, transaction, """
            UPDATE Instances SET RuntimeStatus = $status, CustomStatus = $custom, Output = $output, FailureDetails = $failure,
                ExecutionId = $execution, LastUpdatedAt = $now, LastDispatchError = NULL, WaitingReason = NULL
            WHERE InstanceId = $id;
            """,
            ("$status", null), ("$custom", null), ("$output", null), ("$failure", null), ("$execution", null), ("$id", null),
            ("$now", SqliteOrchestrationStore.Ms(now)));
        _appendEpisode = SqliteOrchestrationStore.Command(connection, transaction, """
            INSERT INTO HistoryEpisodes (InstanceId, ExecutionId, FirstSequence, NextSequence, Events) VALUES ($id, $execution, $first, $next, $events);
            """, ("$id", null), ("$execution", null), ("$first", null), ("$next", null), ("$events", null));
    }

    /// <summary>Writes one episode; false (and nothing written) when this worker no longer holds the instance's lease.</summary>
    public bool Write(OrchestrationWorkItem workItem, Checkpoint checkpoint, CheckpointPayloads payloads)
    {
        var instance = workItem.Instance;
        var newExecution = checkpoint.ExecutionId != instance.ExecutionId;
        if (SqliteOrchestrationStore.Run(_releaseLease, ("$id", instance.InstanceId), ("$worker", workItem.LockedBy)) != 1)
        {
            return false;
        }

        SqliteOrchestrationStore.Run(_updateInstance,
            ("$status", checkpoint.Status.ToString()), ("$custom", checkpoint.CustomStatus), ("$output", checkpoint.Output),
            ("$failure", payloads.Failure), ("$execution", checkpoint.ExecutionId), ("$id", instance.InstanceId));

        if (newExecution)
        {
            // A new execution starts clean: old history, its pending calls and their late results go.
            Execute("DELETE FROM HistoryEpisodes WHERE InstanceId = $id;", instance.InstanceId);
            SqliteOrchestrationStore.Execute(_connection, _transaction, "INSERT OR REPLACE INTO InstanceInputs (InstanceId, Input) VALUES ($id, $input);",
                ("$id", instance.InstanceId), ("$input", checkpoint.NewExecutionInput));
            Execute("DELETE FROM NewTasks WHERE InstanceId = $id;", instance.InstanceId);
            Execute("DELETE FROM NewEvents WHERE InstanceId = $id AND EventType NOT IN ('EventRaised', 'ExecutionTerminated', 'ExecutionSuspended', 'ExecutionResumed');",
                instance.InstanceId);
        }

        if (checkpoint.NewHistory.Count > 0)
        {
            var first = newExecution ? 0 : workItem.HistoryLength;
            SqliteOrchestrationStore.Run(_appendEpisode, ("$id", instance.InstanceId), ("$execution", checkpoint.ExecutionId),
                ("$first", first), ("$next", first + checkpoint.NewHistory.Count), ("$events", payloads.History));
        }

        _consumed.AddRange(checkpoint.ConsumedMessages);
        if (checkpoint.Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated)
        {
            _finished.Add(instance.InstanceId); // nothing can wait for its timers now
        }
        else
        {
            foreach (var timer in checkpoint.CancelledTimers ?? [])
            {
                _cancelledTimers.Add(instance.InstanceId, timer);
            }
        }

        foreach (var activity in checkpoint.NewActivities)
        {
            SqliteOrchestrationStore.Execute(_connection, _transaction, """
                INSERT INTO NewTasks (InstanceId, ExecutionId, TaskId, Name, Input, VisibleAt) VALUES ($id, $execution, $task, $name, $input, $now);
                """,
                ("$id", instance.InstanceId), ("$execution", checkpoint.ExecutionId), ("$task", activity.TaskId), ("$name", activity.Name),
                ("$input", activity.Input), ("$now", SqliteOrchestrationStore.Ms(_now)));
        }

        foreach (var child in checkpoint.NewInstances)
        {
            SqliteOrchestrationStore.CreateInstance(_connection, _transaction, child, _now);
        }

        for (var i = 0; i < checkpoint.Messages.Count; i++)
        {
            SqliteOrchestrationStore.AddQueued(_messages, checkpoint.Messages[i], payloads.Messages[i]);
        }

        return true;
    }

    /// <summary>Writes what the batch's episodes add and remove; call once, after the last <see cref="Write"/>.</summary>
    public void Flush()
    {
        if (_consumed.Count > 0)
        {
            SqliteOrchestrationStore.Execute(_connection, _transaction,
                "DELETE FROM NewEvents WHERE SequenceNumber IN (SELECT value FROM json_each($sequences));", ("$sequences", JsonRows.Of(_consumed)));
        }

        if (_finished.Count > 0)
        {
            SqliteOrchestrationStore.Execute(_connection, _transaction,
                "DELETE FROM NewEvents WHERE EventType = 'TimerFired' AND InstanceId IN (SELECT value FROM json_each($ids));", ("$ids", JsonRows.Of(_finished)));
        }

        if (!_cancelledTimers.IsEmpty)
        {
            // Through the instance's index: an instance has only a few queued messages.
            SqliteOrchestrationStore.Execute(_connection, _transaction, """
                DELETE FROM NewEvents WHERE SequenceNumber IN (
                    SELECT e.SequenceNumber FROM jsonb_each($rows) c JOIN NewEvents e
                    ON e.InstanceId = c.value ->> 0 AND e.EventType = 'TimerFired' AND json_extract(e.Payload, '$.timerId') = c.value ->> 1);
                """, ("$rows", _cancelledTimers.Finish()));
        }

        if (!_messages.IsEmpty)
        {
            SqliteOrchestrationStore.QueueMessages(_connection, _transaction, _messages.Finish());
        }
    }

    public void Dispose()
    {
        _releaseLease.Dispose();
        _updateInstance.Dispose();
        _appendEpisode.Dispose();
        _cancelledTimers.Dispose();
        _messages.Dispose();
    }

    private void Execute(string sql, string instanceId) =>
        SqliteOrchestrationStore.Execute(_connection, _transaction, sql, ("$id", instanceId));
}
