using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Mail;
using MimeKit;

namespace MentorFlow.Functions.Engine;

/// <summary>The durable engine inside the app: its SQLite file in the data folder, the PairingYear orchestration, and a hosted worker.</summary>
public static class EngineServices
{
    /// <summary>Adds the engine, the mail outbox and the sent-message ledger.</summary>
    public static IServiceCollection AddMentorFlowEngine(this IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(Clock.ClockEndpoints.FromConfiguration(configuration));
        services.AddSingleton<IOrchestrationStore>(_ => new SqliteOrchestrationStore(Path.Combine(folders.Data, "engine.db")));
        services.AddSingleton(StepLinkSigner.Load(configuration, folders.Data));
        services.AddSingleton<StepLinks>();
        var from = MailboxAddress.Parse(configuration["MentorFlow:Mail:From"] ?? "MentorFlow <mentorflow@localhost>");
        var smtp = configuration.GetSection(SmtpSettings.Section).Get<SmtpSettings>();
        // With an SMTP host configured mail goes out through it; otherwise into the outbox folder as .eml files.
        services.AddSingleton<IProgramMessenger>(sp => string.IsNullOrWhiteSpace(smtp?.Host)
            ? new EmlOutbox(folders.Outbox, from, sp.GetRequiredService<StepLinks>().For)
            : new SmtpMailer(smtp, from, sp.GetRequiredService<StepLinks>().For));
        services.AddSingleton<ISentMessageLedger>(_ => new SqliteSentMessageLedger(Path.Combine(folders.Data, "mentorflow.db")));
        services.AddSingleton(sp => new DurableTaskRegistry().AddPairingYear(
            sp.GetRequiredService<IProgramMessenger>(), sp.GetRequiredService<ISentMessageLedger>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DurableTaskClient(
            sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<DurableTaskRegistry>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DurableTaskWorker(
            sp.GetRequiredService<IOrchestrationStore>(), sp.GetRequiredService<DurableTaskRegistry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(), new DurableTaskWorkerOptions(IdlePollInterval: PollInterval(configuration))));
        services.AddHostedService(sp => new DurableTaskWorkerService(
            sp.GetRequiredService<DurableTaskWorker>(), sp.GetRequiredService<TimeProvider>(), new DurableTaskWorkerOptions(IdlePollInterval: PollInterval(configuration))));
        return services;
    }

    private static TimeSpan PollInterval(IConfiguration configuration) =>
        TimeSpan.FromMilliseconds(configuration.GetValue("MentorFlow:Engine:IdlePollMilliseconds", 250));
}
