using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Sqlite;

/// <summary>The engine's tables, created and migrated by the engine itself, one numbered step at a time.</summary>
internal static class SqliteSchema
{
    // Append new steps; never edit a shipped one.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE Instances (
            InstanceId TEXT NOT NULL PRIMARY KEY,
            ExecutionId TEXT NOT NULL,
            Name TEXT NOT NULL,
            Version TEXT NOT NULL,
            RuntimeStatus TEXT NOT NULL,
            CreatedAt INTEGER NOT NULL,
            LastUpdatedAt INTEGER NOT NULL,
            Input TEXT NULL,
            Output TEXT NULL,
            CustomStatus TEXT NULL,
            FailureDetails TEXT NULL,
            ParentInstanceId TEXT NULL,
            ParentTaskId INTEGER NULL,
            LockedBy TEXT NULL,
            LockExpiration INTEGER NULL,
            DispatchAttempts INTEGER NOT NULL DEFAULT 0,
            LastDispatchError TEXT NULL,
            WaitingReason TEXT NULL
        );
        CREATE INDEX IX_Instances_CreatedAt ON Instances (CreatedAt, InstanceId);
        CREATE TABLE History (
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            SequenceNumber INTEGER NOT NULL,
            EventType TEXT NOT NULL,
            Payload TEXT NOT NULL,
            PRIMARY KEY (InstanceId, ExecutionId, SequenceNumber)
        );
        CREATE TABLE NewEvents (
            SequenceNumber INTEGER PRIMARY KEY AUTOINCREMENT,
            InstanceId TEXT NOT NULL,
            VisibleAt INTEGER NOT NULL,
            EventType TEXT NOT NULL,
            Payload TEXT NOT NULL
        );
        CREATE INDEX IX_NewEvents_VisibleAt ON NewEvents (VisibleAt, InstanceId);
        CREATE INDEX IX_NewEvents_InstanceId ON NewEvents (InstanceId, SequenceNumber);
        CREATE TABLE NewTasks (
            SequenceNumber INTEGER PRIMARY KEY AUTOINCREMENT,
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            TaskId INTEGER NOT NULL,
            Name TEXT NOT NULL,
            Input TEXT NULL,
            VisibleAt INTEGER NOT NULL,
            LockedBy TEXT NULL,
            LockExpiration INTEGER NULL,
            DequeueCount INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IX_NewTasks_VisibleAt ON NewTasks (VisibleAt);
        """,
        // Inputs (a pairing year's carried state can be tens of kB) move out of the Instances row, which every
        // lease and checkpoint rewrites: SQLite rewrites a changed row's overflow pages too.
        """
        CREATE TABLE InstanceInputs (
            InstanceId TEXT NOT NULL PRIMARY KEY,
            Input TEXT NULL
        );
        INSERT INTO InstanceInputs (InstanceId, Input) SELECT InstanceId, Input FROM Instances;
        UPDATE Instances SET Input = NULL;
        """,
        // One row per episode (its events as a JSON array) instead of one per event: an episode's history costs one
        // insert and one index entry, and a new execution deletes a few rows, not hundreds.
        """
        CREATE TABLE HistoryEpisodes (
            InstanceId TEXT NOT NULL,
            ExecutionId TEXT NOT NULL,
            FirstSequence INTEGER NOT NULL,
            NextSequence INTEGER NOT NULL,
            Events TEXT NOT NULL,
            PRIMARY KEY (InstanceId, FirstSequence)
        );
        INSERT INTO HistoryEpisodes (InstanceId, ExecutionId, FirstSequence, NextSequence, Events)
        SELECT InstanceId, ExecutionId, SequenceNumber, SequenceNumber + 1, '[' || Payload || ']' FROM History;
        DROP TABLE History;
        """,
        // Leases move out of the Instances row into a small table that holds only leased (or held-back) instances:
        // taking and releasing a batch's leases then rewrites a few pages, not every instance's row twice.
        """
        CREATE TABLE Leases (
            InstanceId TEXT NOT NULL PRIMARY KEY,
            LockedBy TEXT NULL,
            LockExpiration INTEGER NOT NULL,
            DispatchAttempts INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO Leases (InstanceId, LockedBy, LockExpiration, DispatchAttempts)
        SELECT InstanceId, LockedBy, IFNULL(LockExpiration, 0), DispatchAttempts FROM Instances
        WHERE LockedBy IS NOT NULL OR LockExpiration IS NOT NULL OR DispatchAttempts <> 0;
        UPDATE Instances SET LockedBy = NULL, LockExpiration = NULL, DispatchAttempts = 0
        WHERE LockedBy IS NOT NULL OR LockExpiration IS NOT NULL OR DispatchAttempts <> 0;
        """,
        """
        CREATE TABLE PartitionLayout (PartitionIndex INTEGER NOT NULL, PartitionCount INTEGER NOT NULL);
        """,
        """
        CREATE TABLE HistoryFormat (Format TEXT NOT NULL);
        INSERT INTO HistoryFormat (Format) VALUES ('DurableTask.Core');
        """,
    ];

    // The first step whose histories are DurableTask.Core's events; earlier ones hold the first engine's own events.
    private const int DurableTaskCoreHistory = 6;

    /// <summary>The schema version this build of the engine writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the database up to <see cref="CurrentVersion"/>; refuses a database from a newer engine.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS SchemaVersions (Version INTEGER NOT NULL PRIMARY KEY, AppliedAt TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        int applied;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT IFNULL(MAX(Version), 0) FROM SchemaVersions;";
            applied = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (applied > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The engine database is at schema version {applied}, newer than this engine's {CurrentVersion}: run a newer MentorFlow.");
        }

        if (applied is > 0 and < DurableTaskCoreHistory && HoldsInstances(connection, transaction))
        {
            throw new InvalidOperationException(
                $"The engine database '{connection.DataSource}' holds orchestrations recorded by MentorFlow's first engine (schema {applied}), " +
                "whose histories the Durable Task engine cannot replay. Let them finish with the MentorFlow release that wrote them, " +
                "or move the data folder aside to start afresh.");
        }

        for (var version = applied + 1; version <= CurrentVersion; version++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Migrations[version - 1] +
                $"\nINSERT INTO SchemaVersions (Version, AppliedAt) VALUES ({version}, '{DateTime.UtcNow:o}');";
            step.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static bool HoldsInstances(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT EXISTS (SELECT 1 FROM Instances);";
        return read.ExecuteScalar() is 1L;
    }
}
