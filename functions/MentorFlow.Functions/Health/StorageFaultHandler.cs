using Microsoft.AspNetCore.Diagnostics;

namespace MentorFlow.Functions.Health;

/// <summary>
/// Answers a request whose write the data disk refused (full, read-only, failing) with 503 and what to do, as
/// <c>application/problem+json</c> (or, to a form posted from a page, as a page), instead of a 500: nothing was saved, reads still work, and the same request can be sent
/// again once the disk takes writes.
/// </summary>
internal sealed partial class StorageFaultHandler(ILogger<StorageFaultHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client waits before sending the request again.</summary>
    private const int RetryAfterSeconds = 60;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFault.Of(exception) is not { } kind)
        {
            return false;
        }

        LogRefused(kind, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (httpContext.Request.HasFormContentType)
        {
            // A person posted a form from a page: they get a page, in their words, not a problem document.
            var pages = httpContext.RequestServices.GetRequiredService<Pages.PageRenderer>();
            var page = await pages.RenderAsync<Pages.SaveRefused, Pages.SaveRefusedView>(
                httpContext, "Not saved yet", new Pages.SaveRefusedView(StorageFault.Describe(kind)), StatusCodes.Status503ServiceUnavailable);
            await page.ExecuteAsync(httpContext);
            return true;
        }

        await Results.Problem(
            title: "MentorFlow cannot save right now",
            detail: $"{StorageFault.Describe(kind)} Nothing from this request was saved; what was saved before is kept and can still be read. " +
                "Send the request again in a few minutes. If this keeps happening, tell the person who runs MentorFlow: they free space on " +
                "the data disk (or make it writable again), and MentorFlow takes writes again without a restart.",
            statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Method} request to {Endpoint} was refused with 503: the data disk refused the write ({Fault})")]
    private partial void LogRefused(StorageFaultKind fault, string method, string? endpoint);
}
