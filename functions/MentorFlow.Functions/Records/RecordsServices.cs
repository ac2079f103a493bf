using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Drafts;
using MentorFlow.Functions.Hires;
using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Mail;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Submissions;
using Microsoft.Azure.Cosmos;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Records;

/// <summary>
/// Where the records live, as <c>MentorFlow:Records:Backend</c> says: <c>Sqlite</c> (the default: <c>mentorflow.db</c> in
/// the data folder) or <c>Cosmos</c> (a Cosmos DB account, partitioned by district): pairings, submissions, action plans,
/// HR's rosters of hires, staff actions, the sent-message ledger, and the pending year events the relay raises.
/// </summary>
public static partial class RecordsServices
{
    /// <summary>The setting that chooses where the records live.</summary>
    public const string BackendSetting = "MentorFlow:Records:Backend";

    /// <summary>The section of the Cosmos DB settings.</summary>
    public const string CosmosSection = "MentorFlow:Records:Cosmos";

    /// <summary>Adds the record stores, the pending year events and the relay that raises them.</summary>
    public static IServiceCollection AddMentorFlowRecords(this IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        var backend = configuration[BackendSetting];
        if (string.IsNullOrWhiteSpace(backend) || backend.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            AddSqlite(services, Path.Combine(folders.Data, Health.DataFolderCheck.RecordsFile));
        }
        else if (backend.Equals("Cosmos", StringComparison.OrdinalIgnoreCase))
        {
            AddCosmos(services, configuration.GetSection(CosmosSection));
        }
        else
        {
            throw new InvalidOperationException($"{BackendSetting} is '{backend}'; set it to Sqlite (the default, embedded) or Cosmos.");
        }

        services.AddSingleton(sp => new YearEventRelay(sp.GetRequiredService<IPendingYearEvents>(), sp.GetRequiredService<DurableTaskClient>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<YearEventRelay>>()));
        return services;
    }

    private static void AddSqlite(IServiceCollection services, string path)
    {
        services.AddSingleton<IPairingRecords>(_ => new SqlitePairingRecords(path));
        services.AddSingleton<ISubmissionStore>(_ => new SqliteSubmissionStore(path));
        services.AddSingleton<IActionPlanStore>(_ => new SqliteActionPlanStore(path));
        services.AddSingleton<ISentMessageLedger>(_ => new SqliteSentMessageLedger(path));
        services.AddSingleton<IPendingYearEvents>(_ => new SqlitePendingYearEvents(path));
        services.AddSingleton<IHireRosters>(_ => new SqliteHireRosters(path));
        services.AddSingleton<IStaffActionLog>(_ => new SqliteStaffActionLog(path));
        services.AddSingleton<IFormDrafts>(_ => new SqliteFormDrafts(path));
    }

    private static void AddCosmos(IServiceCollection services, IConfigurationSection cosmos)
    {
        var settings = CosmosSettings.Read(cosmos);
        services.AddSingleton(_ => new RecordsClient(settings.CreateClient()));
        // Opened when first needed, which is as the app starts (the relay and the year-start recovery read the records then).
        services.AddSingleton(sp => Open(sp.GetRequiredService<RecordsClient>().Client, settings, sp.GetRequiredService<ILoggerFactory>().CreateLogger<CosmosRecords>()));
        services.AddSingleton<IPairingRecords>(sp => new CosmosPairingRecords(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<ISubmissionStore>(sp => new CosmosSubmissionStore(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<IActionPlanStore>(sp => new CosmosActionPlanStore(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<ISentMessageLedger>(sp => new CosmosSentMessageLedger(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<IHireRosters>(sp => new CosmosHireRosters(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<IStaffActionLog>(sp => new CosmosStaffActionLog(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<IFormDrafts>(sp => new CosmosFormDrafts(sp.GetRequiredService<CosmosRecords>()));
        services.AddSingleton<IPendingYearEvents>(sp =>
        {
            var districts = sp.GetRequiredService<DistrictDirectory>();
            return new CosmosPendingYearEvents(sp.GetRequiredService<CosmosRecords>(), () => districts.All.Select(d => d.Id));
        });
    }

    private static CosmosRecords Open(CosmosClient client, CosmosSettings settings, ILogger logger)
    {
        try
        {
            var records = CosmosRecords.OpenAsync(client, settings.Database, CancellationToken.None).GetAwaiter().GetResult();
            LogOpened(logger, settings.Database, settings.Endpoint.Host);
            return records;
        }
        catch (CosmosException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && settings.Key is null)
        {
            // An identity with data-plane rights only may not create the database or containers: they must exist already.
            try
            {
                return CosmosRecords.OpenExistingAsync(client, settings.Database, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (CosmosException missing)
            {
                throw new InvalidOperationException(
                    $"The Cosmos DB database '{settings.Database}' ({CosmosSection}:Database) or its containers ({CosmosRecords.RecordsContainer}, " +
                    $"{CosmosRecords.LookupsContainer}, {CosmosRecords.SentMessagesContainer}) do not exist and the app's identity may not create them " +
                    $"({(int)missing.StatusCode}): create them (see bicep/), or give {CosmosSection}:Key.", missing);
            }
        }
        catch (Exception ex) when (ex is CosmosException or HttpRequestException or Azure.Identity.AuthenticationFailedException)
        {
            throw new InvalidOperationException(
                $"The records' Cosmos DB account at {settings.Endpoint} ({CosmosSection}:Endpoint) could not be opened: {ex.GetType().Name}. " +
                $"Check {CosmosSection}:Endpoint and {(settings.Key is null ? $"the app's identity ({CosmosSection}:ClientId) and its role on the account" : $"{CosmosSection}:Key")}.", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Records are in Cosmos DB database {Database} on {Host}")]
    private static partial void LogOpened(ILogger logger, string database, string host);

    /// <summary>The client the records use, disposed with the app.</summary>
    private sealed class RecordsClient(CosmosClient client) : IDisposable
    {
        public CosmosClient Client { get; } = client;

        public void Dispose() => Client.Dispose();
    }

    /// <summary>The Cosmos DB settings, checked as the app starts.</summary>
    private sealed record CosmosSettings(Uri Endpoint, string Database, string? Key, string? ClientId, string? EmulatorCertificate)
    {
        public static CosmosSettings Read(IConfigurationSection cosmos)
        {
            var endpoint = cosmos["Endpoint"];
            if (string.IsNullOrWhiteSpace(endpoint))
            {
                throw new InvalidOperationException(
                    $"{CosmosSection}:Endpoint is not set: set it to the account's endpoint (https://<account>.documents.azure.com:443/), or set {BackendSetting} to Sqlite.");
            }

            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException(
                    $"{CosmosSection}:Endpoint is '{endpoint}', not an address; set it to the account's endpoint (https://<account>.documents.azure.com:443/).");
            }

            var key = string.IsNullOrWhiteSpace(cosmos["Key"]) ? null : cosmos["Key"];
            var certificate = string.IsNullOrWhiteSpace(cosmos["EmulatorCertificate"]) ? null : cosmos["EmulatorCertificate"];
            if (certificate is not null && (key is null || !File.Exists(certificate)))
            {
                throw new InvalidOperationException(key is null
                    ? $"{CosmosSection}:EmulatorCertificate is for an emulator, which takes {CosmosSection}:Key; set the key, or remove the certificate to connect to Azure by identity."
                    : $"{CosmosSection}:EmulatorCertificate names '{certificate}', which does not exist; set it to the emulator's certificate (PEM), or remove it.");
            }

            var database = string.IsNullOrWhiteSpace(cosmos["Database"]) ? "mentorflow" : cosmos["Database"]!;
            return new CosmosSettings(uri, database, key, string.IsNullOrWhiteSpace(cosmos["ClientId"]) ? null : cosmos["ClientId"], certificate);
        }

        public CosmosClient CreateClient()
        {
            var options = new CosmosClientOptions
            {
                ApplicationName = "MentorFlow",
                UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            };
            if (EmulatorCertificate is not null)
            {
                // The emulator serves its own certificate: trust exactly that one, over its gateway only.
                var pinned = X509Certificate2.CreateFromPem(File.ReadAllText(EmulatorCertificate));
                options.ConnectionMode = ConnectionMode.Gateway;
                options.LimitToEndpoint = true;
                options.HttpClientFactory = () => new HttpClient(new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                        certificate is not null && certificate.RawData.AsSpan().SequenceEqual(pinned.RawData),
                });
            }

            return Key is not null
                ? new CosmosClient(Endpoint.ToString(), Key, options)
                : new CosmosClient(Endpoint.ToString(), ManagedIdentity.Credential(ClientId, $"{CosmosSection}:ClientId"), options);
        }
    }
}
