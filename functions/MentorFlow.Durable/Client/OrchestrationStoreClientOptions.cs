using Microsoft.DurableTask;

namespace MentorFlow.Durable.Client;

/// <summary>Limits and settings of an <see cref="OrchestrationStoreClient"/>.</summary>
/// <param name="MaxPayloadBytes">The largest input or event payload, as JSON, that the client accepts.</param>
/// <param name="MaxInstanceIdLength">The longest instance id the client accepts.</param>
/// <param name="PollInterval">How often a wait reads the instance again (on the client's clock).</param>
/// <param name="DataConverter">How payloads are written and read; <see cref="DurableJson.Converter"/> when null.</param>
public sealed record OrchestrationStoreClientOptions(
    int MaxPayloadBytes = 256 * 1024,
    int MaxInstanceIdLength = 256,
    TimeSpan? PollInterval = null,
    DataConverter? DataConverter = null)
{
    internal TimeSpan Poll => PollInterval ?? TimeSpan.FromMilliseconds(200);
}
