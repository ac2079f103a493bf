namespace MentorFlow.Functions.Health;

/// <summary>
/// The data folder cannot be used as it is (a damaged or unopenable database, a missing link key): the message names the
/// file and says what to do, and the main command prints it instead of a stack trace.
/// </summary>
public sealed class DataFolderProblemException : Exception
{
    /// <summary>A problem described by <paramref name="message"/>.</summary>
    public DataFolderProblemException(string message)
        : base(message)
    {
    }

    /// <summary>A problem described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public DataFolderProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A problem without a description.</summary>
    public DataFolderProblemException()
    {
    }
}
