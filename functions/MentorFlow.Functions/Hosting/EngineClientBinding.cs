using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Hosting;

/// <summary>
/// Under the Azure Functions host, binds the invocation's <c>[DurableClient]</c> client to <see cref="InvocationEngineClient"/>
/// for the invocation's length, so services that talk to the engine use the client Durable Functions gave this invocation.
/// </summary>
public sealed partial class EngineClientBinding(ILogger<EngineClientBinding> logger) : IFunctionsWorkerMiddleware
{
    /// <inheritdoc/>
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var binding = context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type.Equals("durableClient", StringComparison.OrdinalIgnoreCase));
        if (binding is null)
        {
            await next(context);
            return;
        }

        var client = (await context.BindInputAsync<DurableTaskClient>(binding)).Value;
        if (client is null)
        {
            LogNoClient(context.FunctionDefinition.Name);
            await next(context);
            return;
        }

        using (InvocationEngineClient.Bind(client))
        {
            await next(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} declares a Durable client, but the host bound none")]
    private partial void LogNoClient(string function);
}
