using System.Text.Json;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Records;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Drafts;

/// <summary>Drafts in Cosmos DB: one document per pairing, step and person, in the pairing's district's partition of the records.</summary>
public sealed class CosmosFormDrafts(CosmosRecords records) : IFormDrafts
{
    /// <inheritdoc/>
    public async Task SaveAsync(FormDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var districtId = await records.DistrictOfAsync(draft.PairingId, cancellationToken)
            ?? throw new InvalidOperationException($"Pairing {draft.PairingId} is not in the records; drafts are kept only for pairings HR added.");
        var document = new DraftDocument
        {
            Id = Id(draft.PairingId, draft.Step, draft.Person), Type = "formDraft", DistrictId = districtId, PairingId = draft.PairingId,
            // The fields as one JSON text: their names (Form.Goals[0].Goal) stay exactly as the form posts them.
            Fields = JsonSerializer.Serialize(draft.Fields), SavedAt = CosmosRecords.Milliseconds(draft.SavedAt),
        };
        // The latest draft wins: two tabs of one person's form save in turn, and the last one is what they left.
        await records.Records.UpsertItemAsync(document, new PartitionKey(districtId), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<FormDraft?> FindAsync(string pairingId, string formStep, RecipientRole person, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId
            || await records.ReadRecordAsync<DraftDocument>(districtId, Id(pairingId, formStep, person), cancellationToken) is not { } document)
        {
            return null;
        }

        return new FormDraft(pairingId, formStep, person, JsonSerializer.Deserialize<Dictionary<string, string>>(document.Fields) ?? [], CosmosRecords.Time(document.SavedAt));
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string pairingId, string formStep, RecipientRole person, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId)
        {
            return;
        }

        try
        {
            await records.Records.DeleteItemAsync<DraftDocument>(Id(pairingId, formStep, person), new PartitionKey(districtId), cancellationToken: cancellationToken);
        }
        catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // No draft: nothing to forget.
        }
    }

    private static string Id(string pairingId, string formStep, RecipientRole person) => CosmosRecords.IdPart($"formDraft:{pairingId}:{formStep}:{person}");

    /// <summary>One draft.</summary>
    private sealed class DraftDocument : CosmosDocument
    {
        public string Type { get; set; } = "";

        public string DistrictId { get; set; } = "";

        public string PairingId { get; set; } = "";

        public string Fields { get; set; } = "{}";

        public long SavedAt { get; set; }
    }
}
