namespace MentorFlow.Durable;

/// <summary>Where an orchestration instance is in its life.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Scheduled; its first step has not run yet.</summary>
    Pending,

    /// <summary>Started and not finished.</summary>
    Running,

    /// <summary>Finished with a result.</summary>
    Completed,

    /// <summary>Restarted itself with a new input (a transient state).</summary>
    ContinuedAsNew,

    /// <summary>Finished with a failure.</summary>
    Failed,

    /// <summary>Stopped by <see cref="DurableTaskClient.TerminateInstanceAsync"/>.</summary>
    Terminated,

    /// <summary>Paused by <see cref="DurableTaskClient.SuspendInstanceAsync"/>; events wait for it.</summary>
    Suspended,
}
