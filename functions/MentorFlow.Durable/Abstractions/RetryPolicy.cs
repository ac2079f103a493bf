namespace MentorFlow.Durable;

/// <summary>How a failed activity or sub-orchestration call is retried, with durable timers between attempts.</summary>
/// <param name="MaxNumberOfAttempts">Attempts in all, the first included; at least 1.</param>
/// <param name="FirstRetryInterval">Delay before the second attempt; more than zero.</param>
/// <param name="BackoffCoefficient">Each next delay is the previous one times this; at least 1.</param>
/// <param name="MaxRetryInterval">Longest delay between attempts, when set.</param>
/// <param name="RetryTimeout">No attempt starts later than this after the first one, when set.</param>
public sealed record RetryPolicy(
    int MaxNumberOfAttempts,
    TimeSpan FirstRetryInterval,
    double BackoffCoefficient = 1.0,
    TimeSpan? MaxRetryInterval = null,
    TimeSpan? RetryTimeout = null)
{
    /// <summary>The delay before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        Validate();
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, Math.Max(0, nextAttempt - 2));
        var delay = ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        return MaxRetryInterval is { } max && delay > max ? max : delay;
    }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNumberOfAttempts, 1, nameof(MaxNumberOfAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstRetryInterval, TimeSpan.Zero, nameof(FirstRetryInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffCoefficient, 1.0, nameof(BackoffCoefficient));
    }
}
