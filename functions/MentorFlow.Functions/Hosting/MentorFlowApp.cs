using MentorFlow.Functions.Health;
using Microsoft.AspNetCore.DataProtection;

namespace MentorFlow.Functions.Hosting;

/// <summary>Builds the MentorFlow web application: services, routes and pages.</summary>
public static class MentorFlowApp
{
    /// <summary>
    /// Builds the app from command-line <paramref name="args"/>, <c>appsettings.json</c> beside
    /// the app and <c>MentorFlow__*</c> environment variables, and creates its folders.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binary, wherever the command is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });

        var folders = EmbeddedFolders.FromConfiguration(builder.Configuration, Environment.CurrentDirectory);
        folders.EnsureCreated();
        builder.Services.AddSingleton(folders);
        // Form tokens stay valid across restarts because the key ring lives with the data.
        builder.Services.AddDataProtection()
            .SetApplicationName("MentorFlow")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folders.Data, "keys")));

        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<EmbeddedFoldersHealthCheck>("embedded-folders");

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz");
        app.MapRazorPages();
        return app;
    }
}
