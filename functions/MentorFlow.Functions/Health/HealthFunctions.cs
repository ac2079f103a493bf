using MentorFlow.Functions.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorFlow.Functions.Health;

/// <summary><c>GET /healthz</c>, open to anyone (a load balancer, an uptime check): "Healthy", or 503 with what is wrong and what to do.</summary>
public sealed class HealthFunctions(HealthCheckService health)
{
    /// <summary>Runs every health check (the embedded folders, each database's quick check) and answers as plain text.</summary>
    [Function("Health")]
    public async Task<IActionResult> Check([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "healthz")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await health.CheckHealthAsync(cancellationToken);
        return HealthText.Answer(report).AsAction();
    }
}
