using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Settings;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Hires;
using MentorFlow.Functions.Mail;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Drafts;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Components;
using Microsoft.Azure.Cosmos;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Records;

/// <summary>One records backend under test: every store on the same records, reopened as a restarted app would.</summary>
public abstract class RecordsBackend : IAsyncDisposable
{
    /// <summary>The districts the suites use.</summary>
    public static readonly string[] Districts = ["north", "south"];

    public IPairingRecords Pairings { get; protected set; } = null!;

    public ISubmissionStore Submissions { get; protected set; } = null!;

    public IActionPlanStore ActionPlans { get; protected set; } = null!;

    public ISentMessageLedger Ledger { get; protected set; } = null!;

    public IFormDrafts Drafts { get; protected set; } = null!;

    public IPendingYearEvents Pending { get; protected set; } = null!;

    public IHireRosters Hires { get; protected set; } = null!;

    public IStaffActionLog Actions { get; protected set; } = null!;

    /// <summary>New store instances on the same records (a restart).</summary>
    public abstract Task ReopenAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Adds a pairing in <paramref name="districtId"/> (the stores keyed by pairing id work on pairings HR added).</summary>
    public async Task<PairingRecord> AddPairingAsync(string pairingId, string districtId = "north", string? key = null, DateTime? at = null, string mentorName = "Ada Mentor")
    {
        var record = Pairing(pairingId, districtId, key, at, mentorName);
        return (await Pairings.AddAsync([record], default)).Single().Record;
    }

    public static PairingRecord Pairing(string pairingId, string districtId = "north", string? key = null, DateTime? at = null, string mentorName = "Ada Mentor") =>
        new(new Pairing(pairingId, districtId, "Lincoln", "2026-2027", $"M-{pairingId}", $"T-{pairingId}", 1, PairingTerm.FullYear, new DateOnly(2026, 9, 1)),
            new Educator($"M-{pairingId}", mentorName, "mentor@example.org", EducatorRole.Teacher, "Lincoln", 8),
            new Educator($"T-{pairingId}", "Sam Mentee", "mentee@example.org", EducatorRole.Teacher, "Lincoln", 0),
            key, at ?? new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc));

    public static ActionPlan Plan(string meetingTime) => new(meetingTime, "Room 12",
        [.. Enumerable.Range(1, 4).Select(i => new Commitment($"Commitment {i}", default))],
        [.. Enumerable.Range(1, 3).Select(i => new MentoringGoal($"Goal {i}", "support", "accountability"))], "none");
}

/// <summary>The embedded records: one SQLite file in a temporary folder.</summary>
public sealed class SqliteRecordsBackend : RecordsBackend
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-records-");

    private SqliteRecordsBackend() => Open();

    public static Task<RecordsBackend> StartAsync() => Task.FromResult<RecordsBackend>(new SqliteRecordsBackend());

    public override Task ReopenAsync()
    {
        Open();
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private void Open()
    {
        var path = Path.Combine(_folder.FullName, "mentorflow.db");
        Pairings = new SqlitePairingRecords(path);
        Submissions = new SqliteSubmissionStore(path);
        ActionPlans = new SqliteActionPlanStore(path);
        Ledger = new SqliteSentMessageLedger(path);
        Pending = new SqlitePendingYearEvents(path);
        Hires = new SqliteHireRosters(path);
        Actions = new SqliteStaffActionLog(path);
        Drafts = new SqliteFormDrafts(path);
    }
}

/// <summary>The records in the Cosmos DB server, in a database of their own (deleted afterwards).</summary>
public sealed class CosmosRecordsBackend : RecordsBackend
{
    private readonly CosmosClient _client;
    private readonly string _database = $"records-{Guid.NewGuid():N}";

    private CosmosRecordsBackend(CosmosClient client) => _client = client;

    public static async Task<RecordsBackend> StartAsync()
    {
        var backend = new CosmosRecordsBackend(await CosmosEmulator.ConnectAsync());
        await backend.ReopenAsync();
        return backend;
    }

    public override async Task ReopenAsync()
    {
        var records = await CosmosRecords.OpenAsync(_client, _database, default);
        Pairings = new CosmosPairingRecords(records);
        Submissions = new CosmosSubmissionStore(records);
        ActionPlans = new CosmosActionPlanStore(records);
        Ledger = new CosmosSentMessageLedger(records);
        Pending = new CosmosPendingYearEvents(records, () => Districts);
        Hires = new CosmosHireRosters(records);
        Actions = new CosmosStaffActionLog(records);
        Drafts = new CosmosFormDrafts(records);
    }

    public override async ValueTask DisposeAsync()
    {
        await _client.GetDatabase(_database).DeleteAsync();
        _client.Dispose();
    }
}

/// <summary>A contract suite: a fresh backend for each test.</summary>
public abstract class RecordsContract : IAsyncLifetime
{
    protected static readonly DateTime At = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);

    protected RecordsBackend Backend { get; private set; } = null!;

    protected abstract Task<RecordsBackend> StartBackendAsync();

    public async Task InitializeAsync() => Backend = await StartBackendAsync();

    public async Task DisposeAsync() => await Backend.DisposeAsync();
}
