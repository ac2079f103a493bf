namespace MentorFlow.Durable;

/// <summary>An external event to send with <see cref="DurableTaskClient.RaiseEventsAsync"/>.</summary>
/// <param name="InstanceId">The instance it is for.</param>
/// <param name="EventName">The event's name.</param>
/// <param name="Payload">Its payload (serialized as JSON).</param>
public sealed record RaisedEvent(string InstanceId, string EventName, object? Payload = null);
