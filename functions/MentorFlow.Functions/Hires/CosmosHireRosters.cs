using System.Text.Json;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Hires;

/// <summary>The rosters in Cosmos DB: one document per district year in the district's partition of the records, written whole.</summary>
public sealed class CosmosHireRosters(CosmosRecords records) : IHireRosters
{
    /// <inheritdoc/>
    public async Task<HireRoster?> FindAsync(string districtId, string programYear, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(districtId);
        ArgumentNullException.ThrowIfNull(programYear);
        return await records.ReadRecordAsync<RosterDocument>(districtId, Id(programYear), cancellationToken) is { Roster: { } json }
            ? JsonSerializer.Deserialize<HireRoster>(json, DurableJson.Options)
            : null;
    }

    /// <inheritdoc/>
    public async Task SaveAsync(HireRoster roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var document = new RosterDocument
        {
            Id = Id(roster.ProgramYear), Type = "hireRoster", DistrictId = roster.DistrictId, Roster = JsonSerializer.Serialize(roster, DurableJson.Options),
        };
        await records.Records.UpsertItemAsync(document, new PartitionKey(roster.DistrictId),
            new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    private static string Id(string programYear) => "hireRoster:" + CosmosRecords.IdPart(programYear);

    /// <summary>A district year's roster as JSON.</summary>
    private sealed class RosterDocument : CosmosDocument
    {
        public string Type { get; set; } = "";

        public string DistrictId { get; set; } = "";

        public string? Roster { get; set; }
    }
}
