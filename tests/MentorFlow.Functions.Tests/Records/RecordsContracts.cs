namespace MentorFlow.Functions.Tests.Records;

// Each contract suite runs against the embedded records (SQLite in a temporary folder) and the Cosmos DB server.

public sealed class SqlitePairingRecordsContractTests : PairingRecordsContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosPairingRecordsContractTests : PairingRecordsContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqliteSubmissionStoreContractTests : SubmissionStoreContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosSubmissionStoreContractTests : SubmissionStoreContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqliteActionPlanStoreContractTests : ActionPlanStoreContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosActionPlanStoreContractTests : ActionPlanStoreContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqliteSentMessageLedgerContractTests : SentMessageLedgerContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosSentMessageLedgerContractTests : SentMessageLedgerContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqlitePendingYearEventsContractTests : PendingYearEventsContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosPendingYearEventsContractTests : PendingYearEventsContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqliteHireRostersContractTests : HireRostersContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosHireRostersContractTests : HireRostersContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqliteStaffActionLogContractTests : StaffActionLogContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosStaffActionLogContractTests : StaffActionLogContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}

public sealed class SqliteFormDraftsContractTests : FormDraftsContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => SqliteRecordsBackend.StartAsync();
}

public sealed class CosmosFormDraftsContractTests : FormDraftsContract
{
    protected override Task<RecordsBackend> StartBackendAsync() => CosmosRecordsBackend.StartAsync();
}
