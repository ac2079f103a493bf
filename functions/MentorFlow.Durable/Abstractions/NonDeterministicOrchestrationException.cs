namespace MentorFlow.Durable;

/// <summary>
/// The orchestrator's code no longer matches the history of the instance being replayed (it was
/// changed in a way that breaks running instances). The instance fails with this reason.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException()
    {
    }

    /// <summary>Creates the exception with a message naming the step.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
