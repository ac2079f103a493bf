using MentorFlow.Core.Messaging;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Mail;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using MimeKit;

namespace MentorFlow.Functions.Engine;

/// <summary>
/// The durable engine inside the app: the PairingYear orchestration on the backend <c>MentorFlow:Engine:Backend</c> names
/// (<c>Sqlite</c>, the default: SQLite files in the data folder and hosted worker loops; or <c>AzureStorage</c>: a task hub
/// that several app processes share), with the mail outbox and the sent-message ledger.
/// </summary>
public static class EngineServices
{
    /// <summary>The setting that chooses the engine's backend.</summary>
    public const string BackendSetting = "MentorFlow:Engine:Backend";

    /// <summary>Adds the app's clock and the engine running the host's <paramref name="tasks"/> (the orchestrator and activity functions).</summary>
    public static IServiceCollection AddMentorFlowEngine(this IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration, Action<DurableTaskRegistry> tasks)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tasks);
        var clock = Clock.ProgramClock.FromConfiguration(configuration, folders.Data);
        services.AddSingleton(clock);
        var backend = configuration[BackendSetting];
        if (string.IsNullOrWhiteSpace(backend) || backend.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return AddSqliteEngine(services, folders, configuration, tasks);
        }

        return backend.Equals("AzureStorage", StringComparison.OrdinalIgnoreCase)
            ? services.AddAzureStorageEngine(configuration, clock, tasks)
            : throw new InvalidOperationException($"{BackendSetting} is '{backend}'; set it to Sqlite (the default, embedded) or AzureStorage.");
    }

    private static IServiceCollection AddSqliteEngine(IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration, Action<DurableTaskRegistry> tasks)
    {
        // A new engine store gets this many partitions (files engine.db, engine.p1.db, ...); an existing one keeps its own.
        var partitions = configuration.GetValue("MentorFlow:Engine:Partitions", SqlitePartitions.DefaultCount);
        if (partitions < 1)
        {
            throw new InvalidOperationException(
                $"MentorFlow:Engine:Partitions is {partitions}; set it to 1 or more (default {SqlitePartitions.DefaultCount}), or remove it.");
        }

        services.AddSingleton<IOrchestrationStore>(_ => SqlitePartitions.Open(Path.Combine(folders.Data, "engine.db"), partitions));
        services.AddSingleton<DurableTaskClient>(sp => new OrchestrationStoreClient(sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<TimeProvider>()));
        // The SDK's worker, built on the engine store: one loop per partition keeps each partition's writer busy, and
        // the loops share the live sessions, so a pairing stays in memory whichever loop runs its next step.
        services.AddDurableTaskWorker(builder => builder
            .AddTasks(tasks)
            .UseOrchestrationStore(new OrchestrationWorkerOptions(IdlePollInterval: PollInterval(configuration), Loops: partitions)));
        services.AddSingleton(sp => sp.GetServices<IHostedService>().OfType<OrchestrationWorker>().Single());
        return services;
    }

    /// <summary>Adds the signed step links and the mail sender (SMTP when configured, else the .eml outbox); the sent-message ledger is a record.</summary>
    public static IServiceCollection AddProgramMail(this IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(StepLinkSigner.Load(configuration, folders.Data));
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<StepLinks>();
        var from = MailboxAddress.Parse(configuration["MentorFlow:Mail:From"] ?? "MentorFlow <mentorflow@localhost>");
        var smtp = configuration.GetSection(SmtpSettings.Section).Get<SmtpSettings>();
        // With an SMTP host configured mail goes out through it; otherwise into the outbox folder as .eml files.
        services.AddSingleton<IProgramMessenger>(sp => string.IsNullOrWhiteSpace(smtp?.Host)
            ? new EmlOutbox(folders.Outbox, from, sp.GetRequiredService<StepLinks>().For, sp.GetRequiredService<TimeProvider>())
            : new SmtpMailer(smtp, from, sp.GetRequiredService<StepLinks>().For, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    private static TimeSpan PollInterval(IConfiguration configuration) =>
        TimeSpan.FromMilliseconds(configuration.GetValue("MentorFlow:Engine:IdlePollMilliseconds", 250));
}
