using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MentorFlow.Functions.Health;

/// <summary>The <c>/healthz</c> answer: "Healthy", or the status followed by what is wrong and what to do, as plain text.</summary>
internal static class HealthText
{
    /// <summary>The report as an answer: 200 when healthy or degraded, 503 when unhealthy, the text as <see cref="WriteAsync"/> writes it.</summary>
    public static IResult Answer(HealthReport report) => new HealthAnswer(report);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var problems = report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy && !string.IsNullOrEmpty(e.Description)).Select(e => e.Description);
        var text = report.Status == HealthStatus.Healthy ? report.Status.ToString() : string.Join(Environment.NewLine, problems.Prepend(report.Status.ToString()));
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    private sealed class HealthAnswer(HealthReport report) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            httpContext.Response.Headers.CacheControl = "no-store, no-cache";
            return WriteAsync(httpContext, report);
        }
    }
}
