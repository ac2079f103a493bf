namespace MentorFlow.Benchmarks.Engine;

/// <summary>Writes a progress line every second until disposed, so a long run is never silent.</summary>
internal sealed class PeriodicProgress : IDisposable
{
    private readonly Timer _timer;

    public PeriodicProgress(TextWriter progress, Func<string> line)
    {
        _timer = new Timer(_ => progress.WriteLine(line()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _timer.Dispose();
}
