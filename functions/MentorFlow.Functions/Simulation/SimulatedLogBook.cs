using System.Text.Json;
using MentorFlow.Durable;

namespace MentorFlow.Functions.Simulation;

/// <summary>
/// The simulated pairs' own meeting logs, private notes included, in the data folder beside the engine database: what a
/// real district keeps in its submissions (for the pair's pages only). No report reads it; it is there so the year's
/// notes can be looked for in every output.
/// </summary>
public static class SimulatedLogBook
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "simulation-logs.json";

    /// <summary>Writes <paramref name="logs"/> to <paramref name="path"/>, replacing what was there.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<KeptLog> logs, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, logs, DurableJson.Options, cancellationToken);
    }

    /// <summary>The logs written to <paramref name="path"/>.</summary>
    public static async Task<IReadOnlyList<KeptLog>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<KeptLog>>(file, DurableJson.Options, cancellationToken) ?? [];
    }
}
