using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Service;

/// <summary>
/// The group commits of <see cref="StoreOrchestrationService"/>: a batch of completions in one store transaction. When
/// the batch fails as a whole, each completion is tried on its own, so one broken episode fails only its own caller.
/// </summary>
internal static class StoreCommits
{
    public static async Task<IReadOnlyList<Exception?>> EpisodesAsync(IOrchestrationStore store, TimeProvider clock, IReadOnlyList<EpisodeCheckpoint> batch)
    {
        try
        {
            var lost = (await store.CompleteOrchestrationsAsync(batch, clock.GetUtcNow().UtcDateTime, CancellationToken.None)).ToHashSet(StringComparer.Ordinal);
            return [.. batch.Select(episode => lost.Contains(episode.WorkItem.Instance.InstanceId)
                ? new LeaseLostException($"Instance '{episode.WorkItem.Instance.InstanceId}' was taken over by another worker; this episode is discarded.")
                : null)];
        }
        catch (Exception) when (batch.Count > 1)
        {
            return await OneByOneAsync(batch, episode => EpisodesAsync(store, clock, [episode]));
        }
    }

    public static async Task<IReadOnlyList<Exception?>> ActivityResultsAsync(IOrchestrationStore store, TimeProvider clock, IReadOnlyList<ActivityResult> batch)
    {
        try
        {
            await store.CompleteActivitiesAsync(batch, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            return new Exception?[batch.Count];
        }
        catch (Exception) when (batch.Count > 1)
        {
            return await OneByOneAsync(batch, result => ActivityResultsAsync(store, clock, [result]));
        }
    }

    private static async Task<IReadOnlyList<Exception?>> OneByOneAsync<T>(IReadOnlyList<T> batch, Func<T, Task<IReadOnlyList<Exception?>>> commitOne)
    {
        var outcomes = new List<Exception?>(batch.Count);
        foreach (var item in batch)
        {
            try
            {
                outcomes.Add((await commitOne(item))[0]);
            }
#pragma warning disable CA1031 // The failure belongs to this item's caller, who receives it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                outcomes.Add(ex);
            }
        }

        return outcomes;
    }
}
