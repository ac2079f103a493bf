using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Serialization;
using MentorFlow.Core.Year;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Records;

/// <summary>
/// The records in Cosmos DB: the <c>records</c> container (pairings, educators, submissions, action plans) partitioned by
/// <c>/districtId</c>; the <c>lookups</c> container (which district a pairing is in, which pairing an Idempotency-Key
/// created) partitioned by its own <c>/id</c>, so a store given only a pairing id finds the district with one
/// single-partition read; and the <c>sentMessages</c> ledger. Each record carries the year events it still owes in the
/// same document, so the record and its event are written together (the emulator has no transactional batch).
/// </summary>
public sealed class CosmosRecords
{
    /// <summary>The container of pairings, educators, submissions and action plans.</summary>
    public const string RecordsContainer = "records";

    /// <summary>The container of pairing-to-district and key-to-pairing lookups.</summary>
    public const string LookupsContainer = "lookups";

    /// <summary>The container of the sent-message ledger.</summary>
    public const string SentMessagesContainer = "sentMessages";

    // A pairing's district never changes (its id is derived from it), so what was looked up once holds.
    private readonly ConcurrentDictionary<string, string> _districts = new(StringComparer.Ordinal);
    private long _lastSequence;

    private CosmosRecords(Container records, Container lookups, Container sentMessages)
    {
        Records = records;
        Lookups = lookups;
        SentMessages = sentMessages;
    }

    /// <summary>Pairings, educators, submissions and action plans, partitioned by <c>/districtId</c>.</summary>
    public Container Records { get; }

    /// <summary>Lookups by pairing id and by Idempotency-Key, partitioned by <c>/id</c>.</summary>
    public Container Lookups { get; }

    /// <summary>The sent-message ledger, partitioned by <c>/ledger</c>.</summary>
    public Container SentMessages { get; }

    /// <summary>Creates the database and containers when missing and returns them.</summary>
    public static async Task<CosmosRecords> OpenAsync(CosmosClient client, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var db = (await client.CreateDatabaseIfNotExistsAsync(database, cancellationToken: cancellationToken)).Database;
        var records = (await db.CreateContainerIfNotExistsAsync(RecordsContainer, "/districtId", cancellationToken: cancellationToken)).Container;
        var lookups = (await db.CreateContainerIfNotExistsAsync(LookupsContainer, "/id", cancellationToken: cancellationToken)).Container;
        var sent = (await db.CreateContainerIfNotExistsAsync(SentMessagesContainer, "/ledger", cancellationToken: cancellationToken)).Container;
        return new CosmosRecords(records, lookups, sent);
    }

    /// <summary>Containers that exist already (an identity without rights to create them).</summary>
    public static async Task<CosmosRecords> OpenExistingAsync(CosmosClient client, string database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var db = client.GetDatabase(database);
        var containers = new[] { RecordsContainer, LookupsContainer, SentMessagesContainer }.Select(db.GetContainer).ToArray();
        foreach (var container in containers)
        {
            await container.ReadContainerAsync(cancellationToken: cancellationToken);
        }

        return new CosmosRecords(containers[0], containers[1], containers[2]);
    }

    /// <summary>
    /// A document id part: the value itself when it is plain (letters, digits, '-', '_', '.'), otherwise a hash of it, since
    /// ids travel in request paths ('/', '%', '?', '#' would not survive the trip to the emulator or are refused by Cosmos).
    /// </summary>
    public static string IdPart(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : "h" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>How often a write retries after losing a race before it gives up (a bound, so a fault cannot spin forever).</summary>
    public const int MaxAttempts = 100;

    /// <summary>Counts an attempt of a read-and-write loop; throws once <see cref="MaxAttempts"/> are used up.</summary>
    public static void CountAttempt(ref int attempts, string what)
    {
        if (++attempts > MaxAttempts)
        {
            throw new InvalidOperationException($"{what} kept losing to other writes after {MaxAttempts} attempts; try again.");
        }
    }

    /// <summary>
    /// A number that orders the events saved by this process, from the real time (not the app's clock, which tests hold
    /// still), strictly increasing, so a pairing's events are raised in the order they were saved.
    /// </summary>
    public long NextSequence()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastSequence);
            var next = Math.Max(DateTime.UtcNow.Ticks, last + 1);
            if (Interlocked.CompareExchange(ref _lastSequence, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>A pending event entry for <paramref name="yearEvent"/>, with a new id the year applies once.</summary>
    public OwedYearEvent Owe(PairingYearEvent yearEvent, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(yearEvent);
        var withId = yearEvent with { Id = Guid.NewGuid().ToString("N") };
        return new OwedYearEvent
        {
            EventId = withId.Id!,
            Event = System.Text.Json.JsonSerializer.Serialize(withId, Durable.DurableJson.Options),
            SavedAt = Milliseconds(savedAt),
            Sequence = NextSequence(),
        };
    }

    /// <summary>The district of <paramref name="pairingId"/>, or null when no pairing with that id was added.</summary>
    public async Task<string?> DistrictOfAsync(string pairingId, CancellationToken cancellationToken)
    {
        if (_districts.TryGetValue(pairingId, out var known))
        {
            return known;
        }

        var lookup = await ReadAsync<LookupDocument>(Lookups, "id", PairingLookupId(pairingId), PairingLookupId(pairingId), cancellationToken);
        if (lookup?.DistrictId is { } districtId)
        {
            _districts[pairingId] = districtId;
        }

        return lookup?.DistrictId;
    }

    /// <summary>Records that <paramref name="pairingId"/> is in <paramref name="districtId"/> (before the pairing itself is written).</summary>
    public async Task RememberDistrictAsync(string pairingId, string districtId, CancellationToken cancellationToken)
    {
        var id = PairingLookupId(pairingId);
        await CreateAsync(Lookups, new LookupDocument { Id = id, DistrictId = districtId, PairingId = pairingId }, id, cancellationToken);
        _districts[pairingId] = districtId;
    }

    /// <summary>The lookup id of a pairing.</summary>
    public static string PairingLookupId(string pairingId) => "pairing:" + IdPart(pairingId);

    /// <summary>The record <paramref name="id"/> of <paramref name="districtId"/>, or null.</summary>
    public Task<T?> ReadRecordAsync<T>(string districtId, string id, CancellationToken cancellationToken)
        where T : class => ReadAsync<T>(Records, "districtId", districtId, id, cancellationToken);

    /// <summary>
    /// The document with <paramref name="id"/> whose partition key <paramref name="partitionField"/> is
    /// <paramref name="partition"/>, or null; read by a query on the partition key, because the emulator answers a point
    /// read of a missing item with 500.
    /// </summary>
    public static async Task<T?> ReadAsync<T>(Container container, string partitionField, string partition, string id, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(container);
        var query = new QueryDefinition($"SELECT * FROM c WHERE c.{partitionField} = @partition AND c.id = @id")
            .WithParameter("@partition", partition).WithParameter("@id", id);
        var found = await QueryAsync<T>(container, partition, query, cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>Every document <paramref name="query"/> finds in the partition <paramref name="partition"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(Container container, string partition, QueryDefinition query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        using var iterator = container.GetItemQueryIterator<T>(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) });
        var all = new List<T>();
        while (iterator.HasMoreResults)
        {
            all.AddRange(await iterator.ReadNextAsync(cancellationToken));
        }

        return all;
    }

    /// <summary>Creates the document; false when one with its id exists (409).</summary>
    public static async Task<bool> CreateAsync<T>(Container container, T document, string partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        try
        {
            await container.CreateItemAsync(document, new PartitionKey(partition), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
            return true;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Replaces the document read as <paramref name="etag"/>; false when it changed since (412) or went (404).</summary>
    public static async Task<bool> ReplaceAsync<T>(Container container, T document, string id, string partition, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        try
        {
            await container.ReplaceItemAsync(document, id, new PartitionKey(partition),
                new ItemRequestOptions { IfMatchEtag = etag, EnableContentResponseOnWrite = false }, cancellationToken);
            return true;
        }
        catch (CosmosException ex) when (ex.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Milliseconds since 1970 of a UTC time.</summary>
    public static long Milliseconds(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    /// <summary>The UTC time of <paramref name="milliseconds"/> since 1970.</summary>
    public static DateTime Time(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
}

/// <summary>A stored document: its id and the ETag it was read with (never written back).</summary>
public class CosmosDocument
{
    /// <summary>The document id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The ETag it was read with.</summary>
    [JsonPropertyName("_etag")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ETag { get; set; }

    /// <summary>The ETag it was read with, cleared so the write does not carry it.</summary>
    public string? TakeETag()
    {
        var etag = ETag;
        ETag = null;
        return etag;
    }
}

/// <summary>A record in the <c>records</c> container that may owe its pairing's year events.</summary>
public class OwingDocument : CosmosDocument
{
    /// <summary>What the document holds: pairing, educator, submissions or actionPlan.</summary>
    public string Type { get; set; } = "";

    /// <summary>The partition key.</summary>
    public string DistrictId { get; set; } = "";

    /// <summary>The pairing it belongs to (none for an educator).</summary>
    public string? PairingId { get; set; }

    /// <summary>The year events saved with it and not yet raised, oldest first.</summary>
    public List<OwedYearEvent> PendingEvents { get; set; } = [];

    /// <summary>Whether <see cref="PendingEvents"/> has any: what the relay's query filters on.</summary>
    public bool OwesYear { get; set; }

    /// <summary>Adds an event the record owes.</summary>
    public void AddPending(OwedYearEvent owed)
    {
        PendingEvents.Add(owed);
        OwesYear = true;
    }
}

/// <summary>A year event a record owes.</summary>
public sealed class OwedYearEvent
{
    /// <summary>The event's id (the year applies it once).</summary>
    public string EventId { get; set; } = "";

    /// <summary>The event as JSON.</summary>
    public string Event { get; set; } = "";

    /// <summary>When it was saved, on the app's clock (ms since 1970).</summary>
    public long SavedAt { get; set; }

    /// <summary>The order it was saved in (<see cref="CosmosRecords.NextSequence"/>).</summary>
    public long Sequence { get; set; }
}

/// <summary>A lookup: the district of a pairing, or the pairing an Idempotency-Key created.</summary>
public sealed class LookupDocument : CosmosDocument
{
    /// <summary>The pairing's district.</summary>
    public string? DistrictId { get; set; }

    /// <summary>The pairing.</summary>
    public string? PairingId { get; set; }
}
