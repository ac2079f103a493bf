using MentorFlow.Functions.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorFlow.Functions.Health;

/// <summary>
/// Unhealthy, naming the file and what to do, when a database in the data folder is damaged or cannot be opened. The check
/// reads every page, so its answer is kept for <c>MentorFlow:Health:DatabaseCheckSeconds</c> (default 60) on the app's clock.
/// </summary>
internal sealed class DatabasesHealthCheck(EmbeddedFolders folders, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    // Two probes at once may both check: harmless, and cheaper than making one wait.
    private volatile Finding? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var keep = TimeSpan.FromSeconds(configuration.GetValue("MentorFlow:Health:DatabaseCheckSeconds", 60));
        var now = clock.GetUtcNow();
        var last = _last;
        if (last is null || now - last.At >= keep || now < last.At)
        {
            _last = last = new Finding(now, await Task.Run(() => DatabaseCheck.ProblemsIn(folders.Data), cancellationToken));
        }

        return last.Problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(string.Join(" ", last.Problems));
    }

    private sealed record Finding(DateTimeOffset At, IReadOnlyList<string> Problems);
}
