using System.Reflection;

namespace MentorFlow.Server.Functions;

/// <summary>Calls a function's method as the Functions host would: its class made from the services, its arguments bound, its task awaited.</summary>
public static class FunctionInvoker
{
    /// <summary>
    /// Runs <paramref name="function"/> with its class created from <paramref name="services"/> (constructor injection, as
    /// the isolated worker does) and each parameter from <paramref name="bind"/>; returns what the method returned, awaited.
    /// </summary>
    public static async Task<object?> InvokeAsync(FunctionEntry function, IServiceProvider services, Func<ParameterInfo, object?> bind)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bind);
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(bind).ToArray();
        var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        switch (returned)
        {
            case Task task:
                await task;
                return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return returned;
        }
    }
}
