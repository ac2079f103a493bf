using System.Text.Json.Serialization;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Clock;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Engine;
using MentorFlow.Functions.Health;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Security;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.DataProtection;

namespace MentorFlow.Functions.Hosting;

/// <summary>Builds the MentorFlow web application: services, routes and pages.</summary>
public static class MentorFlowApp
{
    /// <summary>
    /// Builds the app from command-line <paramref name="args"/>, <c>appsettings.json</c> beside
    /// the app and <c>MentorFlow__*</c> environment variables, and creates its folders.
    /// </summary>
    public static WebApplication Build(string[] args) => Build(args, _ => { });

    /// <summary>Builds the app as <see cref="Build(string[])"/> does, then lets <paramref name="replace"/> change its services (a test host's stand-ins).</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection> replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Pages are found in this assembly also when another program (a test host, a custom handler) starts the app.
            ApplicationName = typeof(MentorFlowApp).Assembly.GetName().Name,
            // appsettings.json ships beside the binary, wherever the command is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });

        var folders = EmbeddedFolders.FromConfiguration(builder.Configuration, Environment.CurrentDirectory);
        folders.EnsureCreated();
        // Held while the app runs (and released when it is disposed), so no restore replaces the files under it.
        var running = DataFolderLock.TryShared(folders.Data)
            ?? throw new DataFolderProblemException($"A restore is running on {folders.Data}; start MentorFlow once it has finished.");
        builder.Services.AddSingleton(_ => running);
        try
        {
            // A damaged database or a lost link key stops the app here, before anything could read it as empty or replace it.
            DataFolderCheck.Run(folders, builder.Configuration);
        }
        catch
        {
            running.Dispose();
            throw;
        }
        builder.Services.AddSingleton(folders);
        // Form tokens stay valid across restarts because the key ring lives with the data.
        builder.Services.AddDataProtection()
            .SetApplicationName("MentorFlow")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folders.Data, "keys")));

        // Forms say what is required themselves, beside the field, in the program's words.
        builder.Services.AddRazorPages().AddMvcOptions(mvc => mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StorageFaultHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = StrictJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddSingleton<DistrictDirectory>();
        builder.Services.AddMentorFlowRecords(folders, builder.Configuration);
        builder.Services.AddSingleton<PairingIntake>();
        builder.Services.AddSingleton<Coordinator.CoordinatorBoard>();
        builder.Services.AddSingleton<Reporting.ReportYearReader>();
        Reporting.ReportDocumentServices.AddReportDocuments(builder.Services, folders, builder.Configuration);
        builder.Services.AddSingleton<Reporting.ReportRefresh>();
        builder.Services.AddHostedService<Reporting.NightlyReports>();
        builder.Services.AddSingleton<Coordinator.PairingNudge>();
        // Before the relay: a year a cut-short import never started is there before its events are raised to it.
        builder.Services.AddHostedService<YearStartRecovery>();
        builder.Services.AddHostedService<Submissions.YearEventRelayService>();
        builder.Services.AddMentorFlowEngine(folders, builder.Configuration);
        builder.Services.AddSingleton(StaffKeys.Load(builder.Configuration, folders.Data));
        builder.Services.AddStaffAuthentication();
        builder.Services.AddAuthorizationBuilder().AddStaffPolicies();
        builder.Services.AddHealthChecks().AddCheck<EmbeddedFoldersHealthCheck>("embedded-folders")
            .AddCheck<DatabasesHealthCheck>("databases");

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
        // Every cookie (antiforgery, TempData, staff sign-in) Secure on HTTPS, whatever each one asks for.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest });
        app.UseMiddleware<FormOrigin>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthText.WriteAsync });
        app.MapRazorPages();
        app.MapPairings();
        Reporting.ReportEndpoints.MapReports(app);
        Coordinator.CoordinatorEndpoints.MapCoordinatorDownloads(app);
        app.MapClock(app.Services.GetRequiredService<TimeProvider>());
        // The district list is read at start: a misconfigured district stops the app with what to fix.
        _ = app.Services.GetRequiredService<DistrictDirectory>();
        return app;
    }
}
