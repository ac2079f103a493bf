using System.Text.Json;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Records;

/// <summary>
/// The pairing records in Cosmos DB: a document per pairing and per educator in the district's partition, and lookups
/// (pairing to district, Idempotency-Key to pairing) written before the pairing, which is the write that makes it exist;
/// a lookup whose pairing was never written (a crash in between) finds nothing.
/// </summary>
public sealed class CosmosPairingRecords(CosmosRecords records) : IPairingRecords
{
    /// <inheritdoc/>
    public async Task<PairingRecord?> FindAsync(string pairingId, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId
            || await ReadPairingAsync(districtId, pairingId, cancellationToken) is not { } document)
        {
            return null;
        }

        return await WithEducatorsAsync(document, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<PairingRecord?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var lookupId = KeyLookupId(idempotencyKey);
        if (await CosmosRecords.ReadAsync<LookupDocument>(records.Lookups, "id", lookupId, lookupId, cancellationToken) is not { PairingId: { } pairingId, DistrictId: { } districtId }
            || await ReadPairingAsync(districtId, pairingId, cancellationToken) is not { } document
            || document.IdempotencyKey != idempotencyKey)
        {
            return null;
        }

        return await WithEducatorsAsync(document, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PairingRecord>> ListAsync(string districtId, CancellationToken cancellationToken)
    {
        var pairings = await CosmosRecords.QueryAsync<PairingDocument>(records.Records, districtId,
            new QueryDefinition("SELECT * FROM c WHERE c.districtId = @district AND c.type = 'pairing'").WithParameter("@district", districtId), cancellationToken);
        var educators = (await CosmosRecords.QueryAsync<EducatorDocument>(records.Records, districtId,
            new QueryDefinition("SELECT * FROM c WHERE c.districtId = @district AND c.type = 'educator'").WithParameter("@district", districtId), cancellationToken))
            .ToDictionary(e => e.Id, e => JsonSerializer.Deserialize<Educator>(e.Educator, DurableJson.Options)!, StringComparer.Ordinal);
        return [.. pairings.OrderBy(p => p.CreatedAt).ThenBy(p => p.PairingId, StringComparer.Ordinal)
            .Select(p => ToRecord(p, educators[EducatorId(p.MentorId)], educators[EducatorId(p.MenteeId)]))];
    }

    /// <inheritdoc/>
    /// <remarks>Each pairing is added on its own (Cosmos has no transaction across documents); repeating the call after a crash adds the rest.</remarks>
    public async Task<IReadOnlyList<(PairingRecord Record, bool Created)>> AddAsync(IReadOnlyList<PairingRecord> pairings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairings);
        var results = new List<(PairingRecord, bool)>(pairings.Count);
        foreach (var record in pairings)
        {
            var pairing = record.Pairing;
            await records.RememberDistrictAsync(pairing.PairingId, pairing.DistrictId, cancellationToken);
            await SaveEducatorAsync(pairing.DistrictId, record.Mentor, record.CreatedAt, cancellationToken);
            await SaveEducatorAsync(pairing.DistrictId, record.Mentee, record.CreatedAt, cancellationToken);
            if (record.IdempotencyKey is { } key)
            {
                await RememberKeyAsync(key, pairing, cancellationToken);
            }

            var document = new PairingDocument
            {
                Id = PairingId(pairing.PairingId), Type = "pairing", DistrictId = pairing.DistrictId, PairingId = pairing.PairingId,
                MentorId = pairing.MentorId, MenteeId = pairing.MenteeId, IdempotencyKey = record.IdempotencyKey,
                Pairing = JsonSerializer.Serialize(pairing, DurableJson.Options), CreatedAt = CosmosRecords.Milliseconds(record.CreatedAt),
            };
            var created = await CosmosRecords.CreateAsync(records.Records, document, pairing.DistrictId, cancellationToken);
            if (!created && record.IdempotencyKey is { } firstKey)
            {
                // A key first seen on a repeat of an existing pairing now names it too.
                var attempts = 0;
                while (await ReadPairingAsync(pairing.DistrictId, pairing.PairingId, cancellationToken) is { IdempotencyKey: null } existing)
                {
                    CosmosRecords.CountAttempt(ref attempts, "Saving the pairing");
                    var etag = existing.TakeETag();
                    existing.IdempotencyKey = firstKey;
                    if (await CosmosRecords.ReplaceAsync(records.Records, existing, existing.Id, pairing.DistrictId, etag, cancellationToken))
                    {
                        break;
                    }
                }
            }

            var stored = await ReadPairingAsync(pairing.DistrictId, pairing.PairingId, cancellationToken)
                ?? throw new InvalidOperationException($"Pairing {pairing.PairingId} was written but cannot be read back.");
            results.Add((await WithEducatorsAsync(stored, cancellationToken), created));
        }

        return results;
    }

    /// <inheritdoc/>
    public async Task<bool> RecordSeparationAsync(string pairingId, Separation separation, DateTime recordedAt, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId)
        {
            return false;
        }

        var attempts = 0;
        while (await ReadPairingAsync(districtId, pairingId, cancellationToken) is { } document)
        {
            CosmosRecords.CountAttempt(ref attempts, "Saving the pairing");
            if (document.Separation is not null)
            {
                return false; // a pairing ends once
            }

            // The year hears of it through the same outbox as the forms: the event is saved in the pairing's own document.
            var etag = document.TakeETag();
            document.Separation = JsonSerializer.Serialize(separation, DurableJson.Options);
            document.AddPending(records.Owe(PairingYearEvent.Ended(separation), recordedAt));
            if (await CosmosRecords.ReplaceAsync(records.Records, document, document.Id, districtId, etag, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task RememberKeyAsync(string key, Pairing pairing, CancellationToken cancellationToken)
    {
        var id = KeyLookupId(key);
        var lookup = new LookupDocument { Id = id, PairingId = pairing.PairingId, DistrictId = pairing.DistrictId };
        if (await CosmosRecords.CreateAsync(records.Lookups, lookup, id, cancellationToken))
        {
            return;
        }

        var earlier = await CosmosRecords.ReadAsync<LookupDocument>(records.Lookups, "id", id, id, cancellationToken);
        if (earlier is null || earlier.PairingId == pairing.PairingId)
        {
            return;
        }

        if (await ReadPairingAsync(earlier.DistrictId!, earlier.PairingId!, cancellationToken) is { } other && other.IdempotencyKey == key)
        {
            throw new InvalidOperationException($"The Idempotency-Key already created pairing {earlier.PairingId}; it cannot name pairing {pairing.PairingId} too.");
        }

        // The earlier lookup names a pairing that was never written with this key (a crash in between): it is this one's now.
        await records.Lookups.UpsertItemAsync(lookup, new PartitionKey(id), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    private async Task SaveEducatorAsync(string districtId, Educator educator, DateTime at, CancellationToken cancellationToken)
    {
        // HR's latest word on a person wins, as in the embedded records.
        var document = new EducatorDocument
        {
            Id = EducatorId(educator.EmployeeId), Type = "educator", DistrictId = districtId,
            Educator = JsonSerializer.Serialize(educator, DurableJson.Options), UpdatedAt = CosmosRecords.Milliseconds(at),
        };
        await records.Records.UpsertItemAsync(document, new PartitionKey(districtId), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
    }

    private Task<PairingDocument?> ReadPairingAsync(string districtId, string pairingId, CancellationToken cancellationToken) =>
        records.ReadRecordAsync<PairingDocument>(districtId, PairingId(pairingId), cancellationToken);

    private async Task<PairingRecord> WithEducatorsAsync(PairingDocument document, CancellationToken cancellationToken)
    {
        var mentor = await records.ReadRecordAsync<EducatorDocument>(document.DistrictId, EducatorId(document.MentorId), cancellationToken);
        var mentee = await records.ReadRecordAsync<EducatorDocument>(document.DistrictId, EducatorId(document.MenteeId), cancellationToken);
        return ToRecord(document,
            JsonSerializer.Deserialize<Educator>(mentor!.Educator, DurableJson.Options)!,
            JsonSerializer.Deserialize<Educator>(mentee!.Educator, DurableJson.Options)!);
    }

    private static PairingRecord ToRecord(PairingDocument document, Educator mentor, Educator mentee) => new(
        JsonSerializer.Deserialize<Pairing>(document.Pairing, DurableJson.Options)!, mentor, mentee, document.IdempotencyKey,
        CosmosRecords.Time(document.CreatedAt),
        document.Separation is null ? null : JsonSerializer.Deserialize<Separation>(document.Separation, DurableJson.Options));

    private static string PairingId(string pairingId) => "pairing:" + CosmosRecords.IdPart(pairingId);

    private static string EducatorId(string employeeId) => "educator:" + CosmosRecords.IdPart(employeeId);

    private static string KeyLookupId(string idempotencyKey) => "key:" + CosmosRecords.IdPart(idempotencyKey);

    /// <summary>A pairing as HR sent it, with its separation and the year events it owes.</summary>
    private sealed class PairingDocument : OwingDocument
    {
        public string MentorId { get; set; } = "";

        public string MenteeId { get; set; } = "";

        public string? IdempotencyKey { get; set; }

        public string Pairing { get; set; } = "";

        public long CreatedAt { get; set; }

        public string? Separation { get; set; }
    }

    /// <summary>An educator as HR last sent them.</summary>
    private sealed class EducatorDocument : OwingDocument
    {
        public string Educator { get; set; } = "";

        public long UpdatedAt { get; set; }
    }
}
