namespace MentorFlow.Functions.Submissions;

/// <summary>One submission to replace: its key, the value it was read as, and the value it becomes.</summary>
/// <typeparam name="T">What was submitted.</typeparam>
/// <param name="Key">The submission's key.</param>
/// <param name="Read">The value the page read, which must still be stored for the change to land.</param>
/// <param name="Value">The new value.</param>
public sealed record SubmissionChange<T>(string Key, T Read, T Value);
