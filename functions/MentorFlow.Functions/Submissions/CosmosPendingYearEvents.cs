using System.Text.Json;
using System.Text.Json.Nodes;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// The year events records in Cosmos DB still owe: each is kept in the document of the record that owes it (a pairing's
/// separation, a pairing's submissions of one kind, its action plan), found by one query per district partition.
/// </summary>
/// <param name="records">The containers.</param>
/// <param name="districts">The districts served, whose partitions are read (the emulator runs no cross-partition query).</param>
public sealed class CosmosPendingYearEvents(CosmosRecords records, Func<IEnumerable<string>> districts) : IPendingYearEvents
{
    /// <inheritdoc/>
    public async Task<IReadOnlyList<SavedYearEvent>> ListAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var pending = new List<(long Sequence, SavedYearEvent Saved)>();
        foreach (var districtId in districts())
        {
            var owing = await CosmosRecords.QueryAsync<OwingDocument>(records.Records, districtId,
                new QueryDefinition("SELECT * FROM c WHERE c.districtId = @district AND c.owesYear = true").WithParameter("@district", districtId),
                cancellationToken);
            pending.AddRange(owing.SelectMany(document => document.PendingEvents.Select(owed => (owed.Sequence, new SavedYearEvent(
                Position(districtId, document.Id, owed.EventId), document.PairingId!, JsonSerializer.Deserialize<PairingYearEvent>(owed.Event, DurableJson.Options)!)))));
        }

        return [.. pending.OrderBy(p => p.Sequence).ThenBy(p => p.Saved.Event.Id, StringComparer.Ordinal).Select(p => p.Saved)];
    }

    /// <inheritdoc/>
    public async Task MarkRaisedAsync(SavedYearEvent saved, DateTime raisedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var (districtId, documentId, eventId) = Parse(saved.Position);
        // Read as plain JSON (its kind of record does not matter); the ETag keeps a save racing this one from losing either change.
        var attempts = 0;
        while (await records.ReadRecordAsync<JsonObject>(districtId, documentId, cancellationToken) is { } document)
        {
            CosmosRecords.CountAttempt(ref attempts, "Marking the year event raised");
            if (document["pendingEvents"] is not JsonArray events || events.FirstOrDefault(e => e?["eventId"]?.GetValue<string>() == eventId) is not { } raised)
            {
                return; // marked already
            }

            events.Remove(raised);
            document["owesYear"] = events.Count > 0;
            var etag = document["_etag"]?.GetValue<string>();
            foreach (var system in document.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList())
            {
                document.Remove(system); // the service's own properties are not written back
            }

            if (await CosmosRecords.ReplaceAsync(records.Records, document, documentId, districtId, etag, cancellationToken))
            {
                return;
            }
        }
    }

    private static string Position(string districtId, string documentId, string eventId) => JsonSerializer.Serialize(new[] { districtId, documentId, eventId });

    private static (string DistrictId, string DocumentId, string EventId) Parse(string position)
    {
        var parts = JsonSerializer.Deserialize<string[]>(position)!;
        return (parts[0], parts[1], parts[2]);
    }
}
