using MentorFlow.Core.Messaging;
using Microsoft.DurableTask;

namespace MentorFlow.Core.Year;

/// <summary>Registers the PairingYear orchestration and the activities it calls.</summary>
public static class PairingYearRegistration
{
    /// <summary>
    /// Adds <see cref="PairingYearOrchestrator"/> and its activities sending through <paramref name="messenger"/>
    /// (<see cref="SendProgramMessage"/> stays for histories recorded before messages were sent together).
    /// </summary>
    public static DurableTaskRegistry AddPairingYear(this DurableTaskRegistry registry, IProgramMessenger messenger, ISentMessageLedger ledger, TimeProvider timeProvider) =>
        registry.AddPairingYear(_ => (messenger, ledger, timeProvider));

    /// <summary>
    /// Adds <see cref="PairingYearOrchestrator"/> and its activities, which take the <see cref="IProgramMessenger"/>, the
    /// <see cref="ISentMessageLedger"/> and the <see cref="TimeProvider"/> from the worker's services.
    /// </summary>
    public static DurableTaskRegistry AddPairingYear(this DurableTaskRegistry registry) =>
        registry.AddPairingYear(services => (Required<IProgramMessenger>(services), Required<ISentMessageLedger>(services), Required<TimeProvider>(services)));

    private static DurableTaskRegistry AddPairingYear(
        this DurableTaskRegistry registry, Func<IServiceProvider, (IProgramMessenger Messenger, ISentMessageLedger Ledger, TimeProvider Clock)> parts)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator(PairingYearOrchestrator.Name, () => new PairingYearOrchestrator())
            .AddActivity(SendProgramMessage.Name, services =>
            {
                var (messenger, ledger, clock) = parts(services);
                return new SendProgramMessage(messenger, ledger, clock);
            })
            .AddActivity(SendProgramMessages.Name, services =>
            {
                var (messenger, ledger, clock) = parts(services);
                return new SendProgramMessages(messenger, ledger, clock);
            });
    }

    private static T Required<T>(IServiceProvider services) =>
        (T?)services.GetService(typeof(T)) ?? throw new InvalidOperationException($"The worker's services hold no {typeof(T).Name}; register one.");
}
