using System.Text.Json;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Submissions;

/// <summary>
/// The submissions in Cosmos DB: one document per pairing and kind (in the pairing's district partition) holding every
/// submission of that kind and the year events they owe, so an add, a replace of several, and their event land together
/// or not at all; the document's ETag decides racing posts.
/// </summary>
public sealed class CosmosSubmissionStore(CosmosRecords records) : ISubmissionStore
{
    /// <inheritdoc/>
    public async Task<bool> TryAddAsync<T>(string pairingId, string kind, string key, T value, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken)
    {
        var districtId = await DistrictAsync(pairingId, cancellationToken);
        var entry = new SubmissionEntry { Key = key, Value = JsonSerializer.Serialize(value, DurableJson.Options), SubmittedAt = CosmosRecords.Milliseconds(submittedAt) };
        var attempts = 0;
        while (true)
        {
            CosmosRecords.CountAttempt(ref attempts, "Saving the submission");
            var document = await ReadAsync(districtId, pairingId, kind, cancellationToken);
            if (document is null)
            {
                document = new SubmissionsDocument { Id = Id(pairingId, kind), Type = "submissions", DistrictId = districtId, PairingId = pairingId, Kind = kind };
                document.Entries.Add(entry);
                document.AddPending(records.Owe(yearEvent, submittedAt));
                if (await CosmosRecords.CreateAsync(records.Records, document, districtId, cancellationToken))
                {
                    return true;
                }

                continue; // another post created it first: read what it holds
            }

            if (document.Entries.Any(e => e.Key == key))
            {
                return false;
            }

            var etag = document.TakeETag();
            document.Entries.Add(entry);
            document.AddPending(records.Owe(yearEvent, submittedAt));
            if (await CosmosRecords.ReplaceAsync(records.Records, document, document.Id, districtId, etag, cancellationToken))
            {
                return true;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryReplaceAsync<T>(string pairingId, string kind, IReadOnlyList<SubmissionChange<T>> changes, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var districtId = await DistrictAsync(pairingId, cancellationToken);
        var attempts = 0;
        while (true)
        {
            CosmosRecords.CountAttempt(ref attempts, "Saving the submission");
            if (await ReadAsync(districtId, pairingId, kind, cancellationToken) is not { } document)
            {
                return false;
            }

            foreach (var change in changes)
            {
                // The value read must still be stored: of two posts from the same page only the first lands.
                var entry = document.Entries.FirstOrDefault(e => e.Key == change.Key);
                if (entry is null || entry.WithdrawnAt is not null || entry.Value != JsonSerializer.Serialize(change.Read, DurableJson.Options))
                {
                    return false;
                }

                entry.Value = JsonSerializer.Serialize(change.Value, DurableJson.Options);
                entry.SubmittedAt = CosmosRecords.Milliseconds(submittedAt);
            }

            var etag = document.TakeETag();
            document.AddPending(records.Owe(yearEvent, submittedAt));
            if (await CosmosRecords.ReplaceAsync(records.Records, document, document.Id, districtId, etag, cancellationToken))
            {
                return true;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryWithdrawAsync<T>(string pairingId, string kind, string key, T read, DateTime withdrawnAt, PairingYearEvent yearEvent, CancellationToken cancellationToken)
    {
        var districtId = await DistrictAsync(pairingId, cancellationToken);
        var attempts = 0;
        while (true)
        {
            CosmosRecords.CountAttempt(ref attempts, "Withdrawing the submission");
            if (await ReadAsync(districtId, pairingId, kind, cancellationToken) is not { } document
                || document.Entries.FirstOrDefault(e => e.Key == key) is not { WithdrawnAt: null } entry
                || entry.Value != JsonSerializer.Serialize(read, DurableJson.Options))
            {
                return false;
            }

            entry.WithdrawnAt = CosmosRecords.Milliseconds(withdrawnAt);
            var etag = document.TakeETag();
            document.AddPending(records.Owe(yearEvent, withdrawnAt));
            if (await CosmosRecords.ReplaceAsync(records.Records, document, document.Id, districtId, etag, cancellationToken))
            {
                return true;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<T?> FindAsync<T>(string pairingId, string kind, string key, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId
            || await ReadAsync(districtId, pairingId, kind, cancellationToken) is not { } document
            || document.Entries.FirstOrDefault(e => e.Key == key) is not { WithdrawnAt: null } entry)
        {
            return default;
        }

        return JsonSerializer.Deserialize<T>(entry.Value, DurableJson.Options);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<T>> ListAsync<T>(string pairingId, string kind, CancellationToken cancellationToken)
    {
        if (await records.DistrictOfAsync(pairingId, cancellationToken) is not { } districtId
            || await ReadAsync(districtId, pairingId, kind, cancellationToken) is not { } document)
        {
            return [];
        }

        return [.. document.Entries.Where(e => e.WithdrawnAt is null).OrderBy(e => e.SubmittedAt).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => JsonSerializer.Deserialize<T>(e.Value, DurableJson.Options)!)];
    }

    private async Task<string> DistrictAsync(string pairingId, CancellationToken cancellationToken) =>
        await records.DistrictOfAsync(pairingId, cancellationToken)
        ?? throw new InvalidOperationException($"Pairing {pairingId} is not in the records; a submission is saved only for a pairing HR added.");

    private Task<SubmissionsDocument?> ReadAsync(string districtId, string pairingId, string kind, CancellationToken cancellationToken) =>
        records.ReadRecordAsync<SubmissionsDocument>(districtId, Id(pairingId, kind), cancellationToken);

    private static string Id(string pairingId, string kind) => $"submissions:{CosmosRecords.IdPart(pairingId)}:{CosmosRecords.IdPart(kind)}";

    /// <summary>Every submission of one kind for one pairing.</summary>
    private sealed class SubmissionsDocument : OwingDocument
    {
        public string Kind { get; set; } = "";

        public List<SubmissionEntry> Entries { get; set; } = [];
    }

    /// <summary>One submission: its key, its value as JSON, when it was submitted and when withdrawn, if it was (ms since 1970).</summary>
    private sealed class SubmissionEntry
    {
        public string Key { get; set; } = "";

        public string Value { get; set; } = "";

        public long SubmittedAt { get; set; }

        public long? WithdrawnAt { get; set; }
    }
}
