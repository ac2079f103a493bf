namespace MentorFlow.Durable;

/// <summary>Thrown in an orchestrator when an activity or sub-orchestration it called failed (after any retries).</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for the call <paramref name="taskName"/> at step <paramref name="taskId"/>.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public TaskFailedException()
        : this("unknown", -1, new TaskFailureDetails("unknown", "unknown"))
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public TaskFailedException(string message)
        : base(message)
    {
        TaskName = "unknown";
        FailureDetails = new TaskFailureDetails("unknown", message);
    }

    /// <summary>Creates an exception with a message and inner exception.</summary>
    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        TaskName = "unknown";
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    /// <summary>The activity or orchestrator name.</summary>
    public string TaskName { get; }

    /// <summary>The call's step number in history.</summary>
    public int TaskId { get; }

    /// <summary>What went wrong in the task.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
