using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Server.Functions;

/// <summary>Serves the HTTP-triggered functions at their own routes and methods, as the Functions host does with an empty route prefix.</summary>
public static partial class HttpFunctionRoutes
{
    private static readonly string[] AnyMethod = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>Maps each HTTP function of <paramref name="catalog"/> to its route.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder routes, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var (function, trigger) in catalog.Http)
        {
            CheckBindable(function);
            var methods = trigger.Methods is { Length: > 0 } m ? m.Select(x => x.ToUpperInvariant()).ToArray() : AnyMethod;
            routes.MapMethods(RouteOf(function, trigger), methods, context => InvokeAsync(function, context)).WithName(function.Name);
        }

        return routes;
    }

    /// <summary>The path a function answers at: its route, or its name when it has none (the Functions host's default).</summary>
    public static string RouteOf(FunctionEntry function, HttpTriggerAttribute trigger)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(trigger);
        return "/" + (trigger.Route ?? function.Name);
    }

    private static async Task InvokeAsync(FunctionEntry function, HttpContext context)
    {
        var result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, parameter => Bind(parameter, context));
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult answer:
                await answer.ExecuteAsync(context);
                break;
            case null:
                break;
            default:
                throw new InvalidOperationException($"{function.Name} returned a {result.GetType().Name}; HTTP functions return IActionResult.");
        }
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(DurableTaskClient))
        {
            return context.RequestServices.GetRequiredService<DurableTaskClient>();
        }

        // Route values bind by name, as the Functions host binds them.
        return context.GetRouteValue(parameter.Name!)?.ToString();
    }

    // A function asking for something the server cannot give (a FunctionContext, a typed route value) stops start-up, not a request.
    private static void CheckBindable(FunctionEntry function)
    {
        foreach (var parameter in function.Method.GetParameters())
        {
            var type = parameter.ParameterType;
            if (type != typeof(HttpRequest) && type != typeof(CancellationToken) && type != typeof(DurableTaskClient) && type != typeof(string))
            {
                throw new InvalidOperationException(
                    $"{function.Name} takes a {type.Name} ({parameter.Name}); the server binds HttpRequest, route values as strings, CancellationToken and [DurableClient] DurableTaskClient.");
            }
        }
    }
}
