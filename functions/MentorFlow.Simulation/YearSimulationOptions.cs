namespace MentorFlow.Simulation;

/// <summary>How big a simulated program year is and where its engine database goes.</summary>
/// <param name="Pairings">Pairings in the demo district.</param>
/// <param name="Seed">Seed for people's behaviour: the same seed gives the same year.</param>
/// <param name="DatabasePath">The engine's first SQLite file (its other partitions go beside it).</param>
/// <param name="Workers">Worker loops draining the engine in parallel.</param>
/// <param name="StartYear">The program year starts in September of this year.</param>
/// <param name="Observe">Hears every event the simulated people raise, in order (e.g. to gather the year's logs for reports).</param>
/// <param name="Partitions">Partitions of the engine store, as a new deployment gets by default.</param>
/// <param name="Written">
/// Hears every meeting log as its simulated mentor writes it, private notes included: what the pair's own store keeps
/// and nothing else may see (the year hears the log through <see cref="Core.Logs.CollaborationLog.ToInteraction"/>, in <paramref name="Observe"/>).
/// </param>
/// <param name="Delivered">Hears every email the year sends, as it arrives in the simulated people's inboxes.</param>
public sealed record YearSimulationOptions(
    int Pairings,
    int Seed,
    string DatabasePath,
    int Workers = 2,
    int StartYear = 2026,
    Action<string, Core.Year.PairingYearEvent>? Observe = null,
    int Partitions = Durable.Sqlite.SqlitePartitions.DefaultCount,
    Action<string, Core.Logs.CollaborationLog>? Written = null,
    Action<Core.Messaging.ProgramMessage>? Delivered = null);
