using MentorFlow.Durable.Worker;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// Writes episodes' checkpoints inside one open transaction, reusing prepared statements so a batch of
/// many instances costs one commit and little parsing.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly DateTime _now;
    private readonly SqliteCommand _updateInstance;
    private readonly SqliteCommand _appendHistory;
    private readonly SqliteCommand _consume;
    private readonly SqliteCommand _scheduleTask;
    private readonly SqliteCommand _queueMessage;
    private readonly SqliteCommand _cancelTimer;
    private readonly SqliteCommand _dropTimers;

    public CheckpointWriter(SqliteConnection connection, SqliteTransaction transaction, DateTime now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
        var nowMs = SqliteOrchestrationStore.Ms(now);
        _updateInstance = Prepare("""
            UPDATE Instances SET RuntimeStatus = $status, CustomStatus = $custom, Output = $output, FailureDetails = $failure,
                ExecutionId = $execution, LastUpdatedAt = $now,
                LockedBy = NULL, LockExpiration = NULL, DispatchAttempts = 0, LastDispatchError = NULL, WaitingReason = NULL
            WHERE InstanceId = $id AND LockedBy = $worker;
            """, "$status", "$custom", "$output", "$failure", "$execution", "$id", "$worker");
        _updateInstance.Parameters.AddWithValue("$now", nowMs);
        _appendHistory = Prepare(
            "INSERT INTO History (InstanceId, ExecutionId, SequenceNumber, EventType, Payload) VALUES ($id, $execution, $sequence, $type, $payload);",
            "$id", "$execution", "$sequence", "$type", "$payload");
        _consume = Prepare("DELETE FROM NewEvents WHERE SequenceNumber = $sequence;", "$sequence");
        _scheduleTask = Prepare("""
            INSERT INTO NewTasks (InstanceId, ExecutionId, TaskId, Name, Input, VisibleAt)
            VALUES ($id, $execution, $task, $name, $input, $now);
            """, "$id", "$execution", "$task", "$name", "$input");
        _scheduleTask.Parameters.AddWithValue("$now", nowMs);
        _queueMessage = SqliteOrchestrationStore.PrepareQueueMessage(connection, transaction);
        // Through the instance's index: an instance has only a few queued messages.
        _cancelTimer = Prepare(
            "DELETE FROM NewEvents WHERE InstanceId = $id AND EventType = 'TimerFired' AND json_extract(Payload, '$.timerId') = $timer;",
            "$id", "$timer");
        _dropTimers = Prepare("DELETE FROM NewEvents WHERE InstanceId = $id AND EventType = 'TimerFired';", "$id");
    }

    /// <summary>Writes one episode; false (and nothing written) when this worker no longer holds the instance's lease.</summary>
    public bool Write(OrchestrationWorkItem workItem, Checkpoint checkpoint, CheckpointPayloads payloads)
    {
        var instance = workItem.Instance;
        var newExecution = checkpoint.ExecutionId != instance.ExecutionId;
        var updated = SqliteOrchestrationStore.Run(_updateInstance,
            ("$status", checkpoint.Status.ToString()), ("$custom", checkpoint.CustomStatus), ("$output", checkpoint.Output),
            ("$failure", payloads.Failure),
            ("$execution", checkpoint.ExecutionId),
            ("$id", instance.InstanceId), ("$worker", workItem.LockedBy));
        if (updated != 1)
        {
            return false;
        }

        if (newExecution)
        {
            // A new execution starts clean: old history, its pending calls and their late results go.
            Execute("DELETE FROM History WHERE InstanceId = $id;", instance.InstanceId);
            SqliteOrchestrationStore.Execute(_connection, _transaction, "INSERT OR REPLACE INTO InstanceInputs (InstanceId, Input) VALUES ($id, $input);",
                ("$id", instance.InstanceId), ("$input", checkpoint.NewExecutionInput));
            Execute("DELETE FROM NewTasks WHERE InstanceId = $id;", instance.InstanceId);
            Execute("DELETE FROM NewEvents WHERE InstanceId = $id AND EventType NOT IN ('EventRaised', 'ExecutionTerminated', 'ExecutionSuspended', 'ExecutionResumed');",
                instance.InstanceId);
        }

        var sequence = newExecution ? 0 : workItem.HistoryLength;
        for (var i = 0; i < checkpoint.NewHistory.Count; i++)
        {
            SqliteOrchestrationStore.Run(_appendHistory, ("$id", instance.InstanceId), ("$execution", checkpoint.ExecutionId),
                ("$sequence", sequence++), ("$type", checkpoint.NewHistory[i].EventType), ("$payload", payloads.History[i]));
        }

        foreach (var consumed in checkpoint.ConsumedMessages)
        {
            SqliteOrchestrationStore.Run(_consume, ("$sequence", consumed));
        }

        if (checkpoint.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            SqliteOrchestrationStore.Run(_dropTimers, ("$id", instance.InstanceId)); // nothing can wait for them now
        }
        else
        {
            foreach (var timer in checkpoint.CancelledTimers ?? [])
            {
                SqliteOrchestrationStore.Run(_cancelTimer, ("$id", instance.InstanceId), ("$timer", timer));
            }
        }

        foreach (var activity in checkpoint.NewActivities)
        {
            SqliteOrchestrationStore.Run(_scheduleTask, ("$id", instance.InstanceId), ("$execution", checkpoint.ExecutionId),
                ("$task", activity.TaskId), ("$name", activity.Name), ("$input", activity.Input));
        }

        foreach (var child in checkpoint.NewInstances)
        {
            SqliteOrchestrationStore.CreateInstance(_connection, _transaction, child, _now);
        }

        for (var i = 0; i < checkpoint.Messages.Count; i++)
        {
            SqliteOrchestrationStore.QueueMessage(_queueMessage, checkpoint.Messages[i], payloads.Messages[i]);
        }

        return true;
    }

    public void Dispose()
    {
        _updateInstance.Dispose();
        _appendHistory.Dispose();
        _consume.Dispose();
        _scheduleTask.Dispose();
        _queueMessage.Dispose();
        _cancelTimer.Dispose();
        _dropTimers.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames) =>
        SqliteOrchestrationStore.Command(_connection, _transaction, sql, [.. parameterNames.Select(name => (name, (object?)null))]);

    private void Execute(string sql, string instanceId) =>
        SqliteOrchestrationStore.Execute(_connection, _transaction, sql, ("$id", instanceId));
}
