using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Server.Functions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>
/// The server and the Azure Functions app are one set of functions: every function the build lists for the Functions host
/// is served (same route, same methods), scheduled (same schedule) or registered with the engine (same name) by the server,
/// and the server serves no route that is not a function.
/// </summary>
public sealed class ServerParityTests
{
    [Fact]
    public async Task Every_http_function_is_served_at_its_route_with_its_methods_and_nothing_else_is()
    {
        await using var app = await RunningApp.StartAsync();
        var endpoints = Routes(app);
        var functions = FunctionsMetadata.OfBuild().Where(f => f.Trigger == "httpTrigger").ToList();

        foreach (var function in functions)
        {
            var served = Assert.Single(endpoints, e => e.Metadata.GetMetadata<EndpointNameMetadata>()?.EndpointName == function.Name);
            Assert.Equal("/" + function.Route, served.RoutePattern.RawText);
            Assert.Equal(function.Methods.Order(), served.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order());
        }

        var others = endpoints.Where(e => !functions.Any(f => f.Name == e.Metadata.GetMetadata<EndpointNameMetadata>()?.EndpointName))
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(others.Count == 0, $"served but not functions: {string.Join(", ", others)}");
    }

    [Fact]
    public async Task Every_timer_function_is_scheduled_by_the_server_on_its_own_schedule()
    {
        await using var app = await RunningApp.StartAsync();
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();

        Assert.Single(app.Services.GetServices<IHostedService>().OfType<TimerFunctions>());
        foreach (var function in FunctionsMetadata.OfBuild().Where(f => f.Trigger == "timerTrigger"))
        {
            var (_, trigger) = Assert.Single(catalog.Timers, t => t.Function.Name == function.Name);
            Assert.Equal(function.Schedule, trigger.Schedule);
            Assert.Equal(function.RunOnStartup, trigger.RunOnStartup);
        }
    }

    [Fact]
    public async Task Every_orchestrator_and_activity_function_is_registered_with_the_engine_under_its_name()
    {
        await using var app = await RunningApp.StartAsync();
        var tasks = app.Services.GetRequiredService<OrchestrationWorker>().Tasks;

        foreach (var function in FunctionsMetadata.OfBuild())
        {
            switch (function.Trigger)
            {
                case "orchestrationTrigger":
                    Assert.True(tasks.TryCreateOrchestrator(new TaskName(function.Name), app.Services, out _), $"{function.Name} is not registered");
                    break;
                case "activityTrigger":
                    Assert.True(tasks.TryCreateActivity(new TaskName(function.Name), app.Services, out _), $"{function.Name} is not registered");
                    break;
            }
        }
    }

    private static List<RouteEndpoint> Routes(RunningApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
}
