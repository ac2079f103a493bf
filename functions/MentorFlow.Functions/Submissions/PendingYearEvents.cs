using System.Text.Json;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// The year events a saved form still owes its pairing's year, in the records database: written in the same transaction as
/// what the form saved, raised by <see cref="YearEventRelay"/>, marked raised only after the engine took them.
/// </summary>
public static class PendingYearEvents
{
    /// <summary>The table (created by every store that writes to it).</summary>
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS PendingYearEvents (
            Sequence INTEGER PRIMARY KEY AUTOINCREMENT, EventId TEXT NOT NULL UNIQUE, PairingId TEXT NOT NULL, Event TEXT NOT NULL,
            SavedAt INTEGER NOT NULL, RaisedAt INTEGER NULL);
        CREATE INDEX IF NOT EXISTS PendingYearEventsToRaise ON PendingYearEvents (Sequence) WHERE RaisedAt IS NULL;
        """;

    /// <summary>Adds <paramref name="yearEvent"/> for <paramref name="pairingId"/> inside <paramref name="transaction"/>, with a new id the year applies once.</summary>
    public static void Add(SqliteConnection connection, SqliteTransaction transaction, string pairingId, PairingYearEvent yearEvent, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(yearEvent);
        var withId = yearEvent with { Id = Guid.NewGuid().ToString("N") };
        RecordsDatabase.Execute(connection, transaction,
            "INSERT INTO PendingYearEvents (EventId, PairingId, Event, SavedAt) VALUES ($id, $pairing, $event, $at);",
            ("$id", withId.Id), ("$pairing", pairingId), ("$event", JsonSerializer.Serialize(withId, DurableJson.Options)),
            ("$at", new DateTimeOffset(DateTime.SpecifyKind(savedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds()));
    }
}
