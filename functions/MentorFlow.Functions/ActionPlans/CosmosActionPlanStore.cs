using System.Text.Json;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.ActionPlans;

/// <summary>
/// The action plans in Cosmos DB: one document per pairing (in its district's partition) holding the plan and the year
/// events it owes; a save lands only on the plan it was made from, and the document's ETag decides racing saves.
/// </summary>
public sealed class CosmosActionPlanStore(CosmosRecords records) : IActionPlanStore
{
    /// <inheritdoc/>
    public async Task<ActionPlan?> FindAsync(string pairingId, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId
            || await records.ReadRecordAsync<ActionPlanDocument>(districtId, Id(pairingId), cancellationToken) is not { Plan: { } plan })
        {
            return null;
        }

        return JsonSerializer.Deserialize<ActionPlan>(plan, DurableJson.Options);
    }

    /// <inheritdoc/>
    public async Task<bool> SaveAsync(string pairingId, ActionPlan? expected, ActionPlan plan, PairingYearEvent yearEvent, DateTime savedAt, CancellationToken cancellationToken)
    {
        var districtId = await records.DistrictOfAsync(pairingId, cancellationToken)
            ?? throw new InvalidOperationException($"Pairing {pairingId} is not in the records; an action plan is saved only for a pairing HR added.");
        var expectedJson = expected is null ? null : JsonSerializer.Serialize(expected, DurableJson.Options);
        var planJson = JsonSerializer.Serialize(plan, DurableJson.Options);
        var attempts = 0;
        while (true)
        {
            CosmosRecords.CountAttempt(ref attempts, "Saving the action plan");
            var document = await records.ReadRecordAsync<ActionPlanDocument>(districtId, Id(pairingId), cancellationToken);
            if (document?.Plan != expectedJson)
            {
                return false; // someone saved in between: they re-read and try again
            }

            if (document is null)
            {
                document = new ActionPlanDocument { Id = Id(pairingId), Type = "actionPlan", DistrictId = districtId, PairingId = pairingId, Plan = planJson };
                document.AddPending(records.Owe(yearEvent, savedAt));
                if (await CosmosRecords.CreateAsync(records.Records, document, districtId, cancellationToken))
                {
                    return true;
                }

                continue; // created by another save first: compare with that one
            }

            var etag = document.TakeETag();
            document.Plan = planJson;
            document.AddPending(records.Owe(yearEvent, savedAt));
            if (await CosmosRecords.ReplaceAsync(records.Records, document, document.Id, districtId, etag, cancellationToken))
            {
                return true;
            }
        }
    }

    private static string Id(string pairingId) => "actionPlan:" + CosmosRecords.IdPart(pairingId);

    /// <summary>A pairing's plan as JSON.</summary>
    private sealed class ActionPlanDocument : OwingDocument
    {
        public string? Plan { get; set; }
    }
}
