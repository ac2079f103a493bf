using MentorFlow.Functions.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorFlow.Functions.Health;

/// <summary>Healthy while the data, outbox and reports folders exist and the data folder takes writes.</summary>
internal sealed class EmbeddedFoldersHealthCheck(EmbeddedFolders folders) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string[] missing = [.. new[] { folders.Data, folders.Outbox, folders.Reports }.Where(folder => !Directory.Exists(folder))];
        if (missing.Length > 0)
        {
            return HealthCheckResult.Unhealthy($"Missing folder(s): {string.Join(", ", missing)}. Restart the app to recreate them.");
        }

        var probe = Path.Combine(folders.Data, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The data folder {folders.Data} does not take writes: {ex.Message}");
        }
    }
}
