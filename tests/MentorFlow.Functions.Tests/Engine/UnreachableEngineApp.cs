using MentorFlow.Durable.Client;
using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Engine;

/// <summary>The real app whose engine client goes through an <see cref="UnreachableEngineStore"/> the test switches off and on.</summary>
internal static class UnreachableEngineApp
{
    /// <summary>Starts the app on a new folder; the store is there once the app has resolved its engine client.</summary>
    public static async Task<(RunningApp App, Func<UnreachableEngineStore> Engine)> StartAsync()
    {
        UnreachableEngineStore? engine = null;
        var root = Directory.CreateTempSubdirectory("mentorflow-api-").FullName;
        var app = await RunningApp.StartAsync(root, services => services.AddSingleton<DurableTaskClient>(sp =>
            new OrchestrationStoreClient(engine = new UnreachableEngineStore(sp.GetRequiredService<IOrchestrationStore>()), sp.GetRequiredService<TimeProvider>())));
        return (app, () => engine ?? throw new InvalidOperationException("The app has not resolved its engine client yet."));
    }
}
