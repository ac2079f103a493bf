using System.Globalization;
using System.Text.Json;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Submissions;

/// <summary>The embedded pending year events: the <see cref="PendingYearEvents"/> table of the records database.</summary>
public sealed class SqlitePendingYearEvents(string path) : IPendingYearEvents
{
    private readonly RecordsDatabase _database = new(path, PendingYearEvents.Schema);

    /// <inheritdoc/>
    public Task<IReadOnlyList<SavedYearEvent>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = RecordsDatabase.Command(connection, null,
            "SELECT Sequence, PairingId, Event FROM PendingYearEvents WHERE RaisedAt IS NULL ORDER BY Sequence;");
        using var reader = command.ExecuteReader();
        var pending = new List<SavedYearEvent>();
        while (reader.Read())
        {
            pending.Add(new SavedYearEvent(reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1),
                JsonSerializer.Deserialize<PairingYearEvent>(reader.GetString(2), DurableJson.Options)!));
        }

        return Task.FromResult<IReadOnlyList<SavedYearEvent>>(pending);
    }

    /// <inheritdoc/>
    public Task MarkRaisedAsync(SavedYearEvent saved, DateTime raisedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null, "UPDATE PendingYearEvents SET RaisedAt = $at WHERE Sequence = $sequence AND RaisedAt IS NULL;",
            ("$at", new DateTimeOffset(DateTime.SpecifyKind(raisedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds()),
            ("$sequence", long.Parse(saved.Position, CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }
}
