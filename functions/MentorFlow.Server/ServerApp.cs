using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Engine;
using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Security;
using MentorFlow.Server.Functions;

namespace MentorFlow.Server;

/// <summary>Builds the server: MentorFlow's services, the engine, and the Functions app's functions at their routes and schedules.</summary>
public static class ServerApp
{
    /// <summary>
    /// Builds the server from command-line <paramref name="args"/>, <c>appsettings.json</c> beside the app and
    /// <c>MentorFlow__*</c> environment variables, and creates its folders.
    /// </summary>
    public static WebApplication Build(string[] args) => Build(args, _ => { });

    /// <summary>Builds the server as <see cref="Build(string[])"/> does, then lets <paramref name="replace"/> change its services (a test host's stand-ins).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection> replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binary, wherever the command is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });

        var catalog = FunctionCatalog.Of(typeof(MentorFlowServices).Assembly);
        builder.Services.AddSingleton(catalog);
        var folders = builder.Services.AddMentorFlow(builder.Configuration, Environment.CurrentDirectory);
        builder.Services.AddMentorFlowEngine(folders, builder.Configuration, tasks => tasks.AddFunctions(catalog));
        // IActionResults of the functions run as the Functions host's ASP.NET Core integration runs them.
        builder.Services.AddMvcCore();
        builder.Services.AddHostedService<TimerFunctions>();

        replace(builder.Services);
        var app = builder.Build();
        // Resolved once, so the app's container owns the lock and releases it when the app is disposed.
        _ = app.Services.GetRequiredService<DataFolderLock>();
        // Behind a named proxy, its forwarded scheme first, so everything after sees HTTPS as the browser used it.
        if (ForwardedProxies.FromConfiguration(app.Configuration) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        // Then the headers, so every response carries them: pages, API answers, errors and challenges alike.
        app.UseMiddleware<SecurityHeaders>();
        // Every cookie (antiforgery, the saved-form notice, staff sign-in) Secure on HTTPS, whatever each one asks for.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest });
        app.UseMiddleware<FormOrigin>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHttpFunctions(catalog);
        // The district list is read at start: a misconfigured district stops the app with what to fix.
        _ = app.Services.GetRequiredService<DistrictDirectory>();
        return app;
    }
}
