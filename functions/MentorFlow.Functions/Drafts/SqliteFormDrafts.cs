using System.Globalization;
using System.Text.Json;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Drafts;

/// <summary>The embedded drafts: a table in the records database, one row per pairing, step and person.</summary>
public sealed class SqliteFormDrafts(string path) : IFormDrafts
{
    private readonly RecordsDatabase _database = new(path,
        "CREATE TABLE IF NOT EXISTS FormDrafts (PairingId TEXT NOT NULL, Step TEXT NOT NULL, Person TEXT NOT NULL, Fields TEXT NOT NULL, SavedAt TEXT NOT NULL, " +
        "PRIMARY KEY (PairingId, Step, Person));");

    /// <inheritdoc/>
    public Task SaveAsync(FormDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null,
            "INSERT INTO FormDrafts (PairingId, Step, Person, Fields, SavedAt) VALUES ($pairing, $step, $person, $fields, $at) " +
            "ON CONFLICT (PairingId, Step, Person) DO UPDATE SET Fields = excluded.Fields, SavedAt = excluded.SavedAt;",
            ("$pairing", draft.PairingId), ("$step", draft.Step), ("$person", draft.Person.ToString()), ("$fields", JsonSerializer.Serialize(draft.Fields)),
            ("$at", draft.SavedAt.ToString("O", CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<FormDraft?> FindAsync(string pairingId, string formStep, RecipientRole person, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = RecordsDatabase.Command(connection, null,
            "SELECT Fields, SavedAt FROM FormDrafts WHERE PairingId = $pairing AND Step = $step AND Person = $person;",
            ("$pairing", pairingId), ("$step", formStep), ("$person", person.ToString()));
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read()
            ? new FormDraft(pairingId, formStep, person, JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(0)) ?? [],
                DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
            : null);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string pairingId, string formStep, RecipientRole person, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null, "DELETE FROM FormDrafts WHERE PairingId = $pairing AND Step = $step AND Person = $person;",
            ("$pairing", pairingId), ("$step", formStep), ("$person", person.ToString()));
        return Task.CompletedTask;
    }
}
