using System.Text.Json.Serialization;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Engine;
using MentorFlow.Functions.Health;
using MentorFlow.Functions.Hires;
using MentorFlow.Functions.Pages;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using Microsoft.AspNetCore.DataProtection;

namespace MentorFlow.Functions.Hosting;

/// <summary>The services every function needs, the same under the Azure Functions host and the server.</summary>
public static class MentorFlowServices
{
    /// <summary>
    /// Registers MentorFlow's services from <paramref name="configuration"/> (folders relative to
    /// <paramref name="workingDirectory"/>), creating the embedded folders and checking their databases first.
    /// The engine is the host's: the server adds its own, the Functions host brings Durable Functions.
    /// </summary>
    /// <returns>The embedded folders in use.</returns>
    public static EmbeddedFolders AddMentorFlow(this IServiceCollection services, IConfiguration configuration, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Links.PublicAddress.Check(configuration);
        var folders = EmbeddedFolders.FromConfiguration(configuration, workingDirectory);
        folders.EnsureCreated();
        // Held while the app runs (and released when it is disposed), so no restore replaces the files under it.
        var running = DataFolderLock.TryShared(folders.Data)
            ?? throw new DataFolderProblemException($"A restore is running on {folders.Data}; start MentorFlow once it has finished.");
        services.AddSingleton(_ => running);
        try
        {
            // A damaged database or a lost link key stops the app here, before anything could read it as empty or replace it.
            DataFolderCheck.Run(folders, configuration);
        }
        catch
        {
            running.Dispose();
            throw;
        }

        services.AddSingleton(folders);
        // Form tokens stay valid across restarts because the key ring lives with the data: in the data folder on one
        // machine, in the report files' Blob Storage account when they are there (every instance in Azure shares it).
        var protection = services.AddDataProtection().SetApplicationName("MentorFlow");
        if (Reporting.ReportFileServices.BlobAccount(configuration) is { } account)
        {
            protection.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(
                options => options.XmlRepository = new BlobKeyRing(account.GetBlobContainerClient(BlobKeyRing.ContainerName)));
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folders.Data, "keys")));
        }

        services.AddMentorFlowPages();
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageFaultHandler>();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = StrictJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddSingleton<DistrictDirectory>();
        services.AddProgramMail(folders, configuration);
        services.AddMentorFlowRecords(folders, configuration);
        services.AddSingleton<PairingIntake>();
        services.AddSingleton<PairingEnding>();
        services.AddSingleton<PairingReassignment>();
        services.AddSingleton<PairingImport>();
        services.AddSingleton<HireImport>();
        services.AddSingleton<StaffActionLogging>();
        services.AddSingleton<Coordinator.CoordinatorBoard>();
        services.AddSingleton<Reporting.ReportYearReader>();
        Reporting.ReportDocumentServices.AddReportDocuments(services, folders, configuration);
        Reporting.ReportFileServices.AddReportFiles(services, folders, configuration);
        services.AddSingleton<Reporting.ReportRefresh>();
        services.AddSingleton<Coordinator.PairingNudge>();
        // One per app: it remembers which years it found started, so a later run asks the engine only about the others.
        services.AddSingleton<YearStartRecovery>();
        services.AddSingleton(StaffKeys.Load(configuration, folders.Data));
        services.AddSingleton(StaffAccounts.Load(configuration, folders.Data));
        services.AddStaffAuthentication();
        services.AddAuthorizationBuilder().AddStaffPolicies();
        services.AddHealthChecks().AddCheck<EmbeddedFoldersHealthCheck>("embedded-folders")
            .AddCheck<DatabasesHealthCheck>("databases");
        return folders;
    }
}
