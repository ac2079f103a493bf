namespace MentorFlow.Durable.Worker;

/// <summary>
/// The histories a worker already holds in memory (extended sessions): when leasing, the store skips reading a
/// history the worker holds at its current length.
/// </summary>
public interface IKnownHistories
{
    /// <summary>True when the worker holds <paramref name="instanceId"/>'s execution <paramref name="executionId"/> replayed to exactly <paramref name="historyLength"/> events.</summary>
    bool Holds(string instanceId, string executionId, int historyLength);
}
