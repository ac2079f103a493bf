using MentorFlow.Core.Messaging;
using MentorFlow.Durable;

namespace MentorFlow.Core.Year;

/// <summary>Registers the PairingYear orchestration and the activities it calls.</summary>
public static class PairingYearRegistration
{
    /// <summary>
    /// Adds <see cref="PairingYearOrchestrator"/> and its activities sending through <paramref name="messenger"/>
    /// (<see cref="SendProgramMessage"/> stays for histories recorded before messages were sent together).
    /// </summary>
    public static DurableTaskRegistry AddPairingYear(this DurableTaskRegistry registry, IProgramMessenger messenger, ISentMessageLedger ledger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<PairingYearOrchestrator>(PairingYearOrchestrator.Name)
            .AddActivity(SendProgramMessage.Name, () => new SendProgramMessage(messenger, ledger, timeProvider))
            .AddActivity(SendProgramMessages.Name, () => new SendProgramMessages(messenger, ledger, timeProvider));
    }
}
