using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Durable.Worker;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// The embedded backend: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a committed
/// step survives power loss. Table shapes and the one-transaction checkpoint follow durabletask-mssql.
/// </summary>
public sealed class SqliteOrchestrationStore : IOrchestrationStore
{
    private const string InstanceColumns =
        "InstanceId, ExecutionId, Name, Version, RuntimeStatus, CreatedAt, LastUpdatedAt, " +
        "(SELECT Input FROM InstanceInputs p WHERE p.InstanceId = Instances.InstanceId), " + OutcomeColumns;

    // A worker replays from the ExecutionStarted event, so a lease does not read the (possibly large) input again.
    private const string LeasedInstanceColumns =
        "InstanceId, ExecutionId, Name, Version, RuntimeStatus, CreatedAt, LastUpdatedAt, NULL, " + OutcomeColumns;

    private const string OutcomeColumns =
        "Output, CustomStatus, FailureDetails, ParentInstanceId, ParentTaskId, " +
        "IFNULL((SELECT l.DispatchAttempts FROM Leases l WHERE l.InstanceId = Instances.InstanceId), 0), LastDispatchError, WaitingReason";

    private const string TerminalStatuses = "('Completed','Failed','Terminated')";

    private readonly string _connectionString;

    // One writer at a time in this process: SQLite would make the others sleep and retry instead.
    private readonly Lock _writeLock = new();

    /// <summary>Opens (creating and migrating when needed) the database at <paramref name="path"/>.</summary>
    public SqliteOrchestrationStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30, // waits this long for another writer's lock
        }.ToString();

        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode=WAL;");
        SqliteSchema.Migrate(connection);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<bool>> TryCreateInstancesAsync(IReadOnlyList<NewInstance> instances, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var created = instances.Select(instance => CreateInstance(connection, transaction, instance, now)).ToList();
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<bool>>(created);
    }

    /// <inheritdoc/>
    public Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        var queued = InsertMessage(connection, null, new OutgoingMessage(instanceId, message, visibleAt));
        return Task.FromResult(queued);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // The JSON before the lock: the other worker writes meanwhile.
        using var rows = JsonRows.Start();
        foreach (var message in messages)
        {
            AddQueued(rows, message);
        }

        var queued = rows.Finish();
        var ids = JsonRows.Of(messages.Select(message => message.InstanceId).Distinct(StringComparer.Ordinal));
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var missing = Missing(connection, transaction, ids);
        if (missing.Count == 0)
        {
            QueueMessages(connection, transaction, queued);
            transaction.Commit();
        }

        return Task.FromResult<IReadOnlyList<string>>(missing);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> FindMissingInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        using var connection = Open();
        return Task.FromResult<IReadOnlyList<string>>(Missing(connection, null, JsonRows.Of(instanceIds.Distinct(StringComparer.Ordinal))));
    }

    /// <summary>The partition of a partitioned store this file holds, as recorded when the layout was chosen; null before.</summary>
    internal (int Index, int Count)? ReadPartitionLayout()
    {
        using var connection = Open();
        using var read = Command(connection, null, "SELECT PartitionIndex, PartitionCount FROM PartitionLayout;");
        using var reader = read.ExecuteReader();
        return reader.Read() ? (reader.GetInt32(0), reader.GetInt32(1)) : null;
    }

    /// <summary>
    /// Records that this file is partition <paramref name="index"/> of <paramref name="count"/> unless a layout is recorded
    /// already (another process was first); returns the recorded one.
    /// </summary>
    internal (int Index, int Count) RecordPartitionLayout(int index, int count)
    {
        using (var writing = _writeLock.EnterScope())
        using (var connection = Open())
        {
            Execute(connection, null, """
                INSERT INTO PartitionLayout (PartitionIndex, PartitionCount) SELECT $index, $count
                WHERE NOT EXISTS (SELECT 1 FROM PartitionLayout);
                """, ("$index", index), ("$count", count));
        }

        return ReadPartitionLayout() ?? throw new InvalidOperationException("The partition layout was not recorded.");
    }

    /// <summary>True when the file holds no instance (a new database).</summary>
    internal bool IsEmpty()
    {
        using var connection = Open();
        return Scalar(connection, null, "SELECT EXISTS (SELECT 1 FROM Instances);") is 0L;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
        string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var leasedIds = TakeLeases(workerId, now, lease, maxCount);
        // Read and parsed after the lock is released, so the other worker can write meanwhile: no one else runs these instances.
        var (leased, unreadable) = ReadLeased(leasedIds, workerId, now, knownHistories);
        var items = new List<OrchestrationWorkItem>(leased.Count);
        foreach (var (item, rawMessages) in leased)
        {
            try
            {
                items.Add(item with { Messages = [.. rawMessages.Select(m => new QueuedMessage(m.SequenceNumber, HistoryJson.Deserialize(m.Payload)))] });
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException)
            {
                unreadable.Add((item.Instance.InstanceId, ex));
            }
        }

        if (unreadable.Count > 0)
        {
            using var writing = _writeLock.EnterScope();
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            foreach (var (instanceId, error) in unreadable)
            {
                HoldBackUnreadable(connection, transaction, instanceId, error);
            }

            transaction.Commit();
        }

        return Task.FromResult<IReadOnlyList<OrchestrationWorkItem>>(items);
    }

    // Picks the instances with the oldest due messages and leases them; a lease row counts the instance's dispatches.
    private List<string> TakeLeases(string workerId, DateTime now, TimeSpan lease, int maxCount)
    {
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var nowMs = Ms(now);
        var instanceIds = new List<string>(); // not presized: most polls find little or nothing
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using (var due = Command(connection, transaction, """
            SELECT e.InstanceId FROM NewEvents e JOIN Instances i ON i.InstanceId = e.InstanceId
            LEFT JOIN Leases l ON l.InstanceId = e.InstanceId
            WHERE e.VisibleAt <= $now
              AND (l.LockExpiration IS NULL OR l.LockExpiration <= $now)
              AND (i.RuntimeStatus <> 'Suspended' OR e.EventType IN ('ExecutionResumed', 'ExecutionTerminated'))
            ORDER BY e.VisibleAt;
            """, ("$now", nowMs)))
        using (var reader = due.ExecuteReader())
        {
            // The oldest due messages pick the instances; an instance with many messages is taken once.
            while (instanceIds.Count < maxCount && reader.Read())
            {
                var id = reader.GetString(0);
                if (taken.Add(id))
                {
                    instanceIds.Add(id);
                }
            }
        }

        if (instanceIds.Count > 0)
        {
            Execute(connection, transaction, """
                INSERT INTO Leases (InstanceId, LockedBy, LockExpiration, DispatchAttempts)
                SELECT value, $worker, $expires, 1 FROM json_each($ids) WHERE true
                ON CONFLICT (InstanceId) DO UPDATE SET
                    LockedBy = excluded.LockedBy, LockExpiration = excluded.LockExpiration, DispatchAttempts = DispatchAttempts + 1;
                """, ("$worker", workerId), ("$expires", Ms(now + lease)), ("$ids", JsonRows.Of(instanceIds)));
            transaction.Commit();
        }

        return instanceIds;
    }

    // Reads what the leased instances' episodes need in one read transaction; the messages stay unparsed.
    private (List<(OrchestrationWorkItem Item, List<(long SequenceNumber, string Payload)> Messages)> Items, List<(string InstanceId, Exception Error)> Unreadable) ReadLeased(
        List<string> instanceIds, string workerId, DateTime now, IKnownHistories? knownHistories)
    {
        var items = new List<(OrchestrationWorkItem Item, List<(long SequenceNumber, string Payload)> Messages)>(instanceIds.Count);
        var unreadable = new List<(string InstanceId, Exception Error)>();
        if (instanceIds.Count == 0)
        {
            return (items, unreadable);
        }

        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: true);
        var ids = JsonRows.Of(instanceIds);
        var instances = new Dictionary<string, (InstanceRecord Instance, int HistoryLength)>(instanceIds.Count, StringComparer.Ordinal);
        using (var read = Command(connection, transaction, $"""
            SELECT {LeasedInstanceColumns},
                IFNULL((SELECT h.NextSequence FROM HistoryEpisodes h WHERE h.InstanceId = Instances.InstanceId AND h.ExecutionId = Instances.ExecutionId
                    ORDER BY h.FirstSequence DESC LIMIT 1), 0)
            FROM Instances WHERE InstanceId IN (SELECT value FROM json_each($ids));
            """, ("$ids", ids)))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                var instance = ReadInstance(reader);
                instances[instance.InstanceId] = (instance, reader.GetInt32(16));
            }
        }

        var messages = instanceIds.ToDictionary(id => id, _ => new List<(long SequenceNumber, string Payload)>(), StringComparer.Ordinal);
        using (var read = Command(connection, transaction, """
            SELECT InstanceId, SequenceNumber, Payload FROM NewEvents
            WHERE InstanceId IN (SELECT value FROM json_each($ids)) AND VisibleAt <= $now ORDER BY VisibleAt, SequenceNumber;
            """, ("$ids", ids), ("$now", Ms(now))))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                messages[reader.GetString(0)].Add((reader.GetInt64(1), reader.GetString(2)));
            }
        }

        foreach (var instanceId in instanceIds)
        {
            // Gone since the lease was taken (a finished instance purged): nothing to run.
            if (!instances.TryGetValue(instanceId, out var leased))
            {
                continue;
            }

            var (instance, length) = leased;
            try
            {
                // A finished instance only has its late messages consumed: its history is never needed.
                var history = instance.IsFinished || knownHistories?.Holds(instanceId, instance.ExecutionId, length) == true
                    ? []
                    : ReadHistory(connection, transaction, instanceId, instance.ExecutionId);
                items.Add((new OrchestrationWorkItem(instance, history, [], workerId, length), messages[instanceId]));
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException)
            {
                unreadable.Add((instanceId, ex));
            }
        }

        return (items, unreadable);
    }

    // Rows this engine cannot read (e.g. written by a newer one) must not block every other instance.
    private static void HoldBackUnreadable(SqliteConnection connection, SqliteTransaction transaction, string instanceId, Exception error) =>
        Execute(connection, transaction, """
            UPDATE Leases SET LockedBy = NULL WHERE InstanceId = $id;
            UPDATE Instances SET LastDispatchError = $error, WaitingReason = $waiting WHERE InstanceId = $id;
            """,
            ("$id", instanceId), ("$error", $"{error.GetType().FullName}: {error.Message}"),
            ("$waiting", "Its history or queued messages cannot be read by this worker (written by a newer MentorFlow, or damaged); " +
                "deploy the newer version, or purge the instance. It is retried when its lease expires."));

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var lost = new List<string>();
        if (episodes.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<string>>(lost);
        }

        // JSON before the lock, so the other worker's writes and this serialization share the two cores.
        var payloads = episodes.Select(episode => CheckpointPayloads.Of(episode.Checkpoint)).ToList();
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var writer = new CheckpointWriter(connection, transaction, now);
        for (var i = 0; i < episodes.Count; i++)
        {
            var (workItem, checkpoint) = episodes[i];
            if (!writer.Write(workItem, checkpoint, payloads[i]))
            {
                lost.Add(workItem.Instance.InstanceId);
            }
        }

        writer.Flush();
        transaction.Commit();
        return Task.FromResult<IReadOnlyList<string>>(lost);
    }

    /// <inheritdoc/>
    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, AbandonReason reason, DateTime retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(reason);
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, """
            UPDATE Instances SET LastDispatchError = IFNULL($error, LastDispatchError), WaitingReason = $waiting
            WHERE InstanceId = $id AND EXISTS (SELECT 1 FROM Leases WHERE InstanceId = $id AND LockedBy = $worker);
            UPDATE Leases SET LockedBy = NULL, LockExpiration = $retryAt,
                DispatchAttempts = CASE WHEN $error IS NULL THEN 0 ELSE DispatchAttempts END
            WHERE InstanceId = $id AND LockedBy = $worker;
            """,
            ("$retryAt", Ms(retryAt)), ("$error", reason.DispatchError), ("$waiting", reason.WaitingReason),
            ("$id", workItem.Instance.InstanceId), ("$worker", workItem.LockedBy));
        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var nowMs = Ms(now);
        var items = new List<ActivityWorkItem>(); // not presized: most polls find nothing
        using (var read = Command(connection, transaction, """
            SELECT SequenceNumber, InstanceId, ExecutionId, TaskId, Name, Input, DequeueCount FROM NewTasks
            WHERE VisibleAt <= $now AND (LockExpiration IS NULL OR LockExpiration <= $now)
            ORDER BY SequenceNumber LIMIT $take;
            """, ("$now", nowMs), ("$take", maxCount)))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                items.Add(new ActivityWorkItem(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6) + 1, workerId));
            }
        }

        using var takeLease = Command(connection, transaction,
            "UPDATE NewTasks SET LockedBy = $worker, LockExpiration = $expires, DequeueCount = DequeueCount + 1 WHERE SequenceNumber = $sequence;",
            ("$worker", workerId), ("$expires", Ms(now + lease)), ("$sequence", null));
        foreach (var item in items)
        {
            Run(takeLease, ("$sequence", item.SequenceNumber));
        }

        transaction.Commit();
        return Task.FromResult<IReadOnlyList<ActivityWorkItem>>(items);
    }

    /// <inheritdoc/>
    public Task CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var remove = Command(connection, transaction, "DELETE FROM NewTasks WHERE SequenceNumber = $sequence AND LockedBy = $worker;",
            ("$sequence", null), ("$worker", null));
        using var deliver = Command(connection, transaction, """
            INSERT INTO NewEvents (InstanceId, VisibleAt, EventType, Payload)
            SELECT $id, $now, $type, $payload WHERE EXISTS (SELECT 1 FROM Instances WHERE InstanceId = $id AND ExecutionId = $execution);
            """, ("$id", null), ("$now", Ms(now)), ("$type", null), ("$payload", null), ("$execution", null));
        foreach (var (workItem, result) in results)
        {
            // Lost the lease: whoever holds it now delivers the result (replay ignores a second one anyway).
            if (Run(remove, ("$sequence", workItem.SequenceNumber), ("$worker", workItem.LockedBy)) == 1)
            {
                Run(deliver, ("$id", workItem.InstanceId), ("$type", result.EventType.ToString()),
                    ("$payload", HistoryJson.Serialize(result)), ("$execution", workItem.ExecutionId));
            }
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        return Task.FromResult(ReadInstance(connection, null, instanceId));
    }

    /// <inheritdoc/>
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new List<string> { "1 = 1" };
        var parameters = new List<(string, object?)>();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var names = statuses.Select((status, i) => (Name: $"$s{i}", Value: status.ToString())).ToList();
            where.Add($"RuntimeStatus IN ({string.Join(", ", names.Select(n => n.Name))})");
            parameters.AddRange(names.Select(n => (n.Name, (object?)n.Value)));
        }

        if (query.CreatedFrom is { } from)
        {
            where.Add("CreatedAt >= $from");
            parameters.Add(("$from", Ms(from)));
        }

        if (query.CreatedTo is { } to)
        {
            where.Add("CreatedAt < $to");
            parameters.Add(("$to", Ms(to)));
        }

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            where.Add("substr(InstanceId, 1, length($prefix)) = $prefix");
            parameters.Add(("$prefix", query.InstanceIdPrefix));
        }

        if (query.ContinuationToken is { } token)
        {
            var (createdAt, afterId) = PageToken.Read(token);
            where.Add("(CreatedAt > $afterCreated OR (CreatedAt = $afterCreated AND InstanceId > $afterId))");
            parameters.Add(("$afterCreated", createdAt));
            parameters.Add(("$afterId", afterId));
        }

        parameters.Add(("$take", query.PageSize + 1));
        using var connection = Open();
        var rows = ReadInstances(connection, null,
            $"SELECT {InstanceColumns} FROM Instances WHERE {string.Join(" AND ", where)} ORDER BY CreatedAt, InstanceId LIMIT $take;",
            [.. parameters]);
        var page = rows.Take(query.PageSize).ToList();
        var next = rows.Count > query.PageSize
            ? PageToken.After(page[^1].CreatedAt, page[^1].InstanceId)
            : null;
        return Task.FromResult(new InstancePage(page, next));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        var instance = ReadInstance(connection, null, instanceId);
        return Task.FromResult<IReadOnlyList<HistoryEvent>>(instance is null ? [] : ReadHistory(connection, null, instanceId, instance.ExecutionId));
    }

    /// <inheritdoc/>
    /// <remarks>The dispatch attempts stay counted, so work that crashed its worker still ends up parked.</remarks>
    public Task<int> ReleaseLeasesOfGoneWorkersAsync(Func<string, bool> isGone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isGone);
        cancellationToken.ThrowIfCancellationRequested();
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var holders = new List<string>();
        using (var read = Command(connection, transaction,
            "SELECT LockedBy FROM Leases WHERE LockedBy IS NOT NULL UNION SELECT LockedBy FROM NewTasks WHERE LockedBy IS NOT NULL;"))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                holders.Add(reader.GetString(0));
            }
        }

        var released = 0;
        foreach (var holder in holders.Where(isGone))
        {
            released += Execute(connection, transaction, "UPDATE Leases SET LockedBy = NULL, LockExpiration = 0 WHERE LockedBy = $worker;", ("$worker", holder));
            released += Execute(connection, transaction, "UPDATE NewTasks SET LockedBy = NULL, LockExpiration = NULL WHERE LockedBy = $worker;", ("$worker", holder));
        }

        transaction.Commit();
        return Task.FromResult(released);
    }

    /// <inheritdoc/>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        using var writing = _writeLock.EnterScope();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var deleted = Execute(connection, transaction,
            $"DELETE FROM Instances WHERE InstanceId = $id AND RuntimeStatus IN {TerminalStatuses};", ("$id", instanceId));
        if (deleted == 1)
        {
            DeleteInstanceData(connection, transaction, instanceId);
        }

        transaction.Commit();
        return Task.FromResult(deleted == 1);
    }

    internal static bool CreateInstance(SqliteConnection connection, SqliteTransaction transaction, NewInstance instance, DateTime now)
    {
        var existing = Scalar(connection, transaction, "SELECT RuntimeStatus FROM Instances WHERE InstanceId = $id;", ("$id", instance.InstanceId)) as string;
        if (existing is not null && !IsTerminal(existing))
        {
            return false;
        }

        if (existing is not null)
        {
            // A finished instance's id may be reused: the old one is replaced.
            DeleteInstanceData(connection, transaction, instance.InstanceId);
        }

        Execute(connection, transaction, """
            INSERT OR REPLACE INTO Instances (InstanceId, ExecutionId, Name, Version, RuntimeStatus, CreatedAt, LastUpdatedAt, ParentInstanceId, ParentTaskId)
            VALUES ($id, $execution, $name, $version, 'Pending', $now, $now, $parent, $parentTask);
            INSERT OR REPLACE INTO InstanceInputs (InstanceId, Input) VALUES ($id, $input);
            """,
            ("$id", instance.InstanceId), ("$execution", instance.ExecutionId), ("$name", instance.Started.Name), ("$version", instance.Started.Version ?? string.Empty),
            ("$now", Ms(now)), ("$input", instance.Started.Input), ("$parent", instance.Parent?.InstanceId), ("$parentTask", instance.Parent?.TaskScheduleId));
        InsertMessage(connection, transaction, new OutgoingMessage(instance.InstanceId, instance.Started, instance.StartAt));
        return true;
    }

    internal static bool InsertMessage(SqliteConnection connection, SqliteTransaction? transaction, OutgoingMessage message)
    {
        using var rows = JsonRows.Start();
        AddQueued(rows, message);
        return QueueMessages(connection, transaction, rows.Finish()) == 1;
    }

    /// <summary>
    /// Adds <paramref name="message"/> to <paramref name="rows"/> in the shape <see cref="QueueMessages"/> reads;
    /// <paramref name="payload"/> is its event's JSON when already made.
    /// </summary>
    internal static void AddQueued(JsonRows rows, OutgoingMessage message, string? payload = null) =>
        rows.Add(message.InstanceId, Ms(message.VisibleAt), payload ?? HistoryJson.Serialize(message.Event));

    /// <summary>
    /// The one statement that queues messages, each only for an instance that exists; <paramref name="rows"/> holds
    /// <c>[instanceId, visibleAtMs, event]</c> per message, in order. Returns how many were queued.
    /// </summary>
    // jsonb_each: each row comes out as binary JSON that the extractions read in place; json_each gave each row as text,
    // parsed again by every extraction (half of a day's raise).
    internal static int QueueMessages(SqliteConnection connection, SqliteTransaction? transaction, string rows) =>
        Execute(connection, transaction, """
            INSERT INTO NewEvents (InstanceId, VisibleAt, EventType, Payload)
            SELECT m.value ->> 0, m.value ->> 1, m.value ->> '$[2].type', m.value -> 2
            FROM jsonb_each($rows) m
            WHERE EXISTS (SELECT 1 FROM Instances WHERE InstanceId = m.value ->> 0)
            ORDER BY m.key;
            """, ("$rows", rows));

    private static void DeleteInstanceData(SqliteConnection connection, SqliteTransaction transaction, string instanceId)
    {
        foreach (var table in new[] { "HistoryEpisodes", "NewEvents", "NewTasks", "InstanceInputs", "Leases" })
        {
            Execute(connection, transaction, $"DELETE FROM {table} WHERE InstanceId = $id;", ("$id", instanceId));
        }
    }

    private static bool IsTerminal(string status) => status is "Completed" or "Failed" or "Terminated";

    private static InstanceRecord? ReadInstance(SqliteConnection connection, SqliteTransaction? transaction, string instanceId) =>
        ReadInstances(connection, transaction, $"SELECT {InstanceColumns} FROM Instances WHERE InstanceId = $id;", ("$id", instanceId))
            .SingleOrDefault();

    private static List<InstanceRecord> ReadInstances(SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return ReadInstances(command);
    }

    private static List<InstanceRecord> ReadInstances(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<InstanceRecord>();
        while (reader.Read())
        {
            rows.Add(ReadInstance(reader));
        }

        return rows;
    }

    // The columns of InstanceColumns or LeasedInstanceColumns, in their order.
    private static InstanceRecord ReadInstance(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new InstanceRecord(
            InstanceId: reader.GetString(0),
            ExecutionId: reader.GetString(1),
            Name: reader.GetString(2),
            Version: reader.GetString(3),
            Status: Enum.Parse<OrchestrationStatus>(reader.GetString(4)),
            CreatedAt: FromMs(reader.GetInt64(5)),
            LastUpdatedAt: FromMs(reader.GetInt64(6)),
            Input: Text(7),
            Output: Text(8),
            CustomStatus: Text(9),
            Failure: HistoryJson.DeserializeFailure(Text(10)),
            Parent: Text(11) is { } parent ? new ParentLink(parent, reader.GetInt32(12)) : null,
            DispatchAttempts: reader.GetInt32(13),
            LastDispatchError: Text(14),
            WaitingReason: Text(15));
    }

    private static List<HistoryEvent> ReadHistory(SqliteConnection connection, SqliteTransaction? transaction, string instanceId, string executionId)
    {
        using var command = Command(connection, transaction,
            "SELECT Events FROM HistoryEpisodes WHERE InstanceId = $id AND ExecutionId = $execution ORDER BY FirstSequence;",
            ("$id", instanceId), ("$execution", executionId));
        using var reader = command.ExecuteReader();
        var history = new List<HistoryEvent>();
        while (reader.Read())
        {
            history.AddRange(HistoryJson.DeserializeAll(reader.GetString(0)));
        }

        return history;
    }

    // The ids (a JSON array) that name no instance, in their order.
    private static List<string> Missing(SqliteConnection connection, SqliteTransaction? transaction, string ids)
    {
        var missing = new List<string>();
        using var read = Command(connection, transaction,
            "SELECT value FROM json_each($ids) WHERE NOT EXISTS (SELECT 1 FROM Instances WHERE InstanceId = value) ORDER BY key;", ("$ids", ids));
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // busy_timeout: other processes get SQLite's own short waits. A larger page cache and a rarer WAL checkpoint let
        // a page that many checkpoints touch (an index leaf, the history's tail) go back to the database file once.
        Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 20000;");
        return connection;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    internal static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a prepared command again with new values for the named parameters.</summary>
    internal static int Run(SqliteCommand command, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    internal static long Ms(DateTime time) => PageToken.UnixMilliseconds(time);

    private static DateTime FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
}
