namespace MentorFlow.Core.Simulation;

/// <summary>A clock a simulation or demo moves by hand; the engine and the year's rules read time only from it.</summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _moving = new();
    private readonly Action<DateTimeOffset>? _moved;
    private long _ticks;

    /// <summary>A clock at <paramref name="start"/>.</summary>
    public VirtualClock(DateTimeOffset start)
        : this(start, null)
    {
    }

    /// <summary>A clock at <paramref name="start"/> that tells <paramref name="moved"/> every time it moves (to keep it), before the move is seen.</summary>
    public VirtualClock(DateTimeOffset start, Action<DateTimeOffset>? moved)
    {
        _ticks = start.UtcTicks;
        _moved = moved;
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="to"/>; it never goes back.</summary>
    public void MoveTo(DateTimeOffset to)
    {
        // One move at a time, so what is kept is always the latest time, never an earlier one written late.
        lock (_moving)
        {
            if (to.UtcTicks < Interlocked.Read(ref _ticks))
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, "A virtual clock only moves forward.");
            }

            _moved?.Invoke(new DateTimeOffset(to.UtcTicks, TimeSpan.Zero));
            Interlocked.Exchange(ref _ticks, to.UtcTicks);
        }
    }

    /// <summary>Moves the clock forward by <paramref name="by"/> from where it is at that moment; returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_moving)
        {
            var to = GetUtcNow() + by;
            MoveTo(to);
            return to;
        }
    }
}
