using MentorFlow.Functions.Clock;

namespace MentorFlow.Functions.Hosting;

/// <summary>What the Azure Functions host's worker adds to MentorFlow's services: real time, since Durable Functions keeps it.</summary>
public static class FunctionsHostServices
{
    /// <summary>Adds MentorFlow's services for the Functions host, refusing settings only the server can honour.</summary>
    public static IServiceCollection AddMentorFlowFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[ProgramClock.StartSetting]))
        {
            throw new InvalidOperationException(
                $"{ProgramClock.StartSetting} starts a virtual clock, which Durable Functions cannot follow (its timers run on real time). " +
                $"Remove {ProgramClock.StartSetting} from the app settings; run a demo on a virtual clock with the server (dotnet run --project functions/MentorFlow.Server).");
        }

        services.AddSingleton(TimeProvider.System);
        // Durable Functions gives each invocation its client; the services reach it through the one bound to the invocation.
        services.AddSingleton<Microsoft.DurableTask.Client.DurableTaskClient, InvocationEngineClient>();
        services.AddMentorFlow(configuration, Environment.CurrentDirectory);
        return services;
    }
}
