using MentorFlow.Functions.Records;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.StaffActions;

/// <summary>The staff action log in Cosmos DB: one document per action, in the pairing's district's partition of the records.</summary>
public sealed class CosmosStaffActionLog(CosmosRecords records) : IStaffActionLog
{
    /// <inheritdoc/>
    public async Task RecordAsync(StaffAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var districtId = await records.DistrictOfAsync(action.PairingId, cancellationToken)
            ?? throw new InvalidOperationException($"Pairing {action.PairingId} is not in the records; staff act only on pairings HR added.");
        var document = new ActionDocument
        {
            Id = "staffAction:" + Guid.NewGuid().ToString("N"), Type = "staffAction", DistrictId = districtId, PairingId = action.PairingId,
            At = CosmosRecords.Milliseconds(action.At), Sequence = records.NextSequence(), Who = action.Who, What = action.What, Reason = action.Reason,
        };
        await CosmosRecords.CreateAsync(records.Records, document, districtId, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<StaffAction>> ListAsync(string pairingId, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId)
        {
            return [];
        }

        var found = await CosmosRecords.QueryAsync<ActionDocument>(records.Records, districtId,
            new QueryDefinition("SELECT * FROM c WHERE c.districtId = @district AND c.type = 'staffAction' AND c.pairingId = @pairing")
                .WithParameter("@district", districtId).WithParameter("@pairing", pairingId), cancellationToken);
        return [.. found.OrderBy(d => d.Sequence).Select(d => new StaffAction(d.PairingId, CosmosRecords.Time(d.At), d.Who, d.What, d.Reason))];
    }

    /// <summary>One action.</summary>
    private sealed class ActionDocument : CosmosDocument
    {
        public string Type { get; set; } = "";

        public string DistrictId { get; set; } = "";

        public string PairingId { get; set; } = "";

        public long At { get; set; }

        public long Sequence { get; set; }

        public string Who { get; set; } = "";

        public string What { get; set; } = "";

        public string? Reason { get; set; }
    }
}
