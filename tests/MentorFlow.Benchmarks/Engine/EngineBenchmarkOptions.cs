namespace MentorFlow.Benchmarks.Engine;

/// <summary>How big the engine benchmark's runs are.</summary>
/// <param name="Orchestrations">hello-sequence instances, each calling 3 activities in sequence.</param>
/// <param name="TimerInstances">long-timers instances, each waiting on a 1-year timer and an external event.</param>
/// <param name="Workers">Worker loops sharing the database in this process; the processor count when null.</param>
/// <param name="Folder">Where the databases go; a new temporary folder (deleted after) when null.</param>
/// <param name="CommitSeconds">How long the sqlite-limit run commits single-row transactions.</param>
/// <param name="AzureOrchestrations">
/// hello-sequence instances on the Azure Storage backend (over Azurite); fewer than on SQLite, as it is about 100 times slower.
/// </param>
public sealed record EngineBenchmarkOptions(
    int Orchestrations = 10_000,
    int TimerInstances = 10_000,
    int? Workers = null,
    string? Folder = null,
    double CommitSeconds = 3,
    int AzureOrchestrations = 100);
