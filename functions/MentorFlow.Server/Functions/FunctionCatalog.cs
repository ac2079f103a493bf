using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Server.Functions;

/// <summary>Every function of the Functions app, read from its <see cref="FunctionAttribute"/>s and trigger attributes.</summary>
/// <param name="Functions">The functions, in name order.</param>
public sealed record FunctionCatalog(IReadOnlyList<FunctionEntry> Functions)
{
    /// <summary>The functions declared in <paramref name="assembly"/>.</summary>
    public static FunctionCatalog Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .Select(f => new FunctionEntry(f.Function!.Name, f.Method, TriggerOf(f.Method)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var twice = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? new FunctionCatalog(functions) : throw new InvalidOperationException($"Two functions are named {twice.Key}; function names must be unique.");
    }

    /// <summary>The HTTP-triggered functions.</summary>
    public IEnumerable<(FunctionEntry Function, HttpTriggerAttribute Trigger)> Http =>
        Functions.Where(f => f.Trigger is HttpTriggerAttribute).Select(f => (f, (HttpTriggerAttribute)f.Trigger));

    /// <summary>The timer-triggered functions.</summary>
    public IEnumerable<(FunctionEntry Function, TimerTriggerAttribute Trigger)> Timers =>
        Functions.Where(f => f.Trigger is TimerTriggerAttribute).Select(f => (f, (TimerTriggerAttribute)f.Trigger));

    /// <summary>The orchestration-triggered functions.</summary>
    public IEnumerable<FunctionEntry> Orchestrators => Functions.Where(f => f.Trigger is OrchestrationTriggerAttribute);

    /// <summary>The activity-triggered functions.</summary>
    public IEnumerable<FunctionEntry> Activities => Functions.Where(f => f.Trigger is ActivityTriggerAttribute);

    private static Attribute TriggerOf(MethodInfo method)
    {
        var triggers = method.GetParameters().SelectMany(p => p.GetCustomAttributes())
            .Where(a => a is HttpTriggerAttribute or TimerTriggerAttribute or OrchestrationTriggerAttribute or ActivityTriggerAttribute)
            .ToList();
        return triggers.Count == 1
            ? triggers[0]
            : throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} has {triggers.Count} triggers the server runs; give it exactly one (HTTP, timer, orchestration or activity).");
    }
}

/// <summary>One function: its name, the method that runs it, and its trigger attribute.</summary>
/// <param name="Name">The function's name (what Azure Functions lists).</param>
/// <param name="Method">The method.</param>
/// <param name="Trigger">The trigger attribute on one of its parameters.</param>
public sealed record FunctionEntry(string Name, MethodInfo Method, Attribute Trigger);
