using System.Text.Json;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Hires;

/// <summary>The embedded rosters: one row per district year in the records database, the roster as JSON.</summary>
public sealed class SqliteHireRosters(string path) : IHireRosters
{
    private readonly RecordsDatabase _database = new(path,
        "CREATE TABLE IF NOT EXISTS HireRosters (DistrictId TEXT NOT NULL, ProgramYear TEXT NOT NULL, Roster TEXT NOT NULL, PRIMARY KEY (DistrictId, ProgramYear));");

    /// <inheritdoc/>
    public Task<HireRoster?> FindAsync(string districtId, string programYear, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        var json = RecordsDatabase.Scalar(connection, null, "SELECT Roster FROM HireRosters WHERE DistrictId = $district AND ProgramYear = $year;",
            ("$district", districtId), ("$year", programYear)) as string;
        return Task.FromResult(json is null ? null : JsonSerializer.Deserialize<HireRoster>(json, DurableJson.Options));
    }

    /// <inheritdoc/>
    public Task SaveAsync(HireRoster roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null,
            "INSERT INTO HireRosters (DistrictId, ProgramYear, Roster) VALUES ($district, $year, $roster) " +
            "ON CONFLICT (DistrictId, ProgramYear) DO UPDATE SET Roster = excluded.Roster;",
            ("$district", roster.DistrictId), ("$year", roster.ProgramYear), ("$roster", JsonSerializer.Serialize(roster, DurableJson.Options)));
        return Task.CompletedTask;
    }
}
