namespace MentorFlow.Core.Simulation;

/// <summary>A clock a simulation or demo moves by hand; the engine and the year's rules read time only from it.</summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="to"/>; it never goes back.</summary>
    public void MoveTo(DateTimeOffset to)
    {
        if (to.UtcTicks < Interlocked.Read(ref _ticks))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "A virtual clock only moves forward.");
        }

        Interlocked.Exchange(ref _ticks, to.UtcTicks);
    }
}
