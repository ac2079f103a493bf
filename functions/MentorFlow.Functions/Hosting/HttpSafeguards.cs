using MentorFlow.Functions.Health;
using MentorFlow.Functions.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace MentorFlow.Functions.Hosting;

/// <summary>
/// Under the Azure Functions host, what the server's ASP.NET Core pipeline does around every HTTP function: the security
/// headers, the form-origin check, and a refused disk answered with 503 and what to do. The same middleware classes run in
/// both hosts; this only calls them from the Functions worker's pipeline.
/// </summary>
public sealed class HttpSafeguards(IConfiguration configuration, IEnumerable<IExceptionHandler> exceptionHandlers) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc/>
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            return next(context);
        }

        var formOrigin = new FormOrigin(_ => HandledAsync(http, () => next(context)), configuration);
        return new SecurityHeaders(formOrigin.InvokeAsync).InvokeAsync(http);
    }

    private async Task HandledAsync(HttpContext http, Func<Task> function)
    {
        try
        {
            await function();
        }
        catch (Exception ex) when (StorageFault.Of(ex) is not null && !http.Response.HasStarted)
        {
            foreach (var handler in exceptionHandlers)
            {
                if (await handler.TryHandleAsync(http, ex, http.RequestAborted))
                {
                    return;
                }
            }

            throw;
        }
    }
}
