using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MentorFlow.Server.Functions;

/// <summary>Registers the orchestration- and activity-triggered functions with the Durable Task worker, under their function names.</summary>
public static class FunctionTasks
{
    /// <summary>Adds every orchestrator and activity function of <paramref name="catalog"/> to <paramref name="registry"/>.</summary>
    public static DurableTaskRegistry AddFunctions(this DurableTaskRegistry registry, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var function in catalog.Orchestrators)
        {
            var orchestrator = new FunctionOrchestrator(function);
            registry.AddOrchestrator(function.Name, () => orchestrator);
        }

        foreach (var function in catalog.Activities)
        {
            registry.AddActivity(function.Name, services => new FunctionActivity(function, services));
        }

        return registry;
    }

    /// <summary>What a task function returns, unwrapped from its task.</summary>
    internal static Type OutputOf(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : method.ReturnType == typeof(Task) || method.ReturnType == typeof(void) ? typeof(object) : method.ReturnType;

    // An orchestrator function: its input is the one parameter besides the context, as Durable Functions binds it.
    private sealed class FunctionOrchestrator : ITaskOrchestrator
    {
        private readonly FunctionEntry _function;
        private readonly ParameterInfo? _input;

        public FunctionOrchestrator(FunctionEntry function)
        {
            _function = function;
            if (!function.Method.IsStatic)
            {
                throw new InvalidOperationException($"{function.Name}: make the orchestrator function static; an orchestrator holds no services.");
            }

            _input = function.Method.GetParameters().SingleOrDefault(p => p.ParameterType != typeof(TaskOrchestrationContext));
        }

        public Type InputType => _input?.ParameterType ?? typeof(object);

        public Type OutputType => OutputOf(_function.Method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            FunctionInvoker.InvokeAsync(_function, EmptyServices.Instance, p => p.ParameterType == typeof(TaskOrchestrationContext) ? context : input);
    }

    // An activity function: its input is the [ActivityTrigger] parameter; its class comes from the worker's services.
    private sealed class FunctionActivity(FunctionEntry function, IServiceProvider services) : ITaskActivity
    {
        private readonly ParameterInfo _input = function.Method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

        public Type InputType => _input.ParameterType;

        public Type OutputType => OutputOf(function.Method);

        public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
            FunctionInvoker.InvokeAsync(function, services, p => p.Position == _input.Position ? input : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : throw new InvalidOperationException($"{function.Name} takes {p.Name}, which the server does not bind; activities take their input and a CancellationToken."));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
