namespace MentorFlow.Durable;

/// <summary>Why an activity, a sub-orchestration or an orchestration failed, as stored in history.</summary>
/// <param name="ErrorType">The exception's full type name, or an engine reason such as <c>PoisonMessage</c>.</param>
/// <param name="ErrorMessage">The message.</param>
/// <param name="StackTrace">The stack trace, when there was one.</param>
/// <param name="InnerFailure">The inner failure, when there was one.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Describes an exception.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is { } inner ? FromException(inner) : null);
    }

    /// <summary>True when the failure was an exception of type <typeparamref name="T"/> (or derived).</summary>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        for (var type = Type.GetType(ErrorType, throwOnError: false); type is not null; type = type.BaseType)
        {
            if (type == typeof(T))
            {
                return true;
            }
        }

        return ErrorType == typeof(T).FullName;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
