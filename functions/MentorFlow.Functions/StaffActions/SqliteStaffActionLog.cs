using System.Globalization;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.StaffActions;

/// <summary>The embedded staff action log: a table in the records database.</summary>
public sealed class SqliteStaffActionLog(string path) : IStaffActionLog
{
    private readonly RecordsDatabase _database = new(path,
        "CREATE TABLE IF NOT EXISTS StaffActions (Id INTEGER PRIMARY KEY AUTOINCREMENT, PairingId TEXT NOT NULL, At TEXT NOT NULL, Who TEXT NOT NULL, " +
        "What TEXT NOT NULL, Reason TEXT); CREATE INDEX IF NOT EXISTS StaffActionsByPairing ON StaffActions (PairingId, Id);");

    /// <inheritdoc/>
    public Task RecordAsync(StaffAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null, "INSERT INTO StaffActions (PairingId, At, Who, What, Reason) VALUES ($pairing, $at, $who, $what, $reason);",
            ("$pairing", action.PairingId), ("$at", action.At.ToString("O", CultureInfo.InvariantCulture)), ("$who", action.Who), ("$what", action.What),
            ("$reason", action.Reason));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<StaffAction>> ListAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = RecordsDatabase.Command(connection, null, "SELECT PairingId, At, Who, What, Reason FROM StaffActions WHERE PairingId = $pairing ORDER BY Id;",
            ("$pairing", pairingId));
        using var reader = command.ExecuteReader();
        var actions = new List<StaffAction>();
        while (reader.Read())
        {
            actions.Add(new StaffAction(reader.GetString(0), DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return Task.FromResult<IReadOnlyList<StaffAction>>(actions);
    }
}
