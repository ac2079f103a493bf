using MentorFlow.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;

// The Azure Functions host's worker: the functions of this assembly, over the same services the server gives them.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<EngineClientBinding>();
builder.UseMiddleware<HttpSafeguards>();
builder.Services.AddMentorFlowFunctions(builder.Configuration);
await builder.Build().RunAsync();
