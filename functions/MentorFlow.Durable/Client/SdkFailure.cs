using DurableTask.Core;
using Microsoft.DurableTask;

namespace MentorFlow.Durable.Client;

/// <summary>DurableTask.Core's failure details as the SDK's clients give them.</summary>
internal static class SdkFailure
{
    public static TaskFailureDetails Of(FailureDetails failure) =>
        new(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure is { } inner ? Of(inner) : null, null);
}
