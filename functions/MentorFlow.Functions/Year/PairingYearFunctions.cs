using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace MentorFlow.Functions.Year;

/// <summary>
/// The pairing year as Durable Functions runs it: the orchestrator and its two activities, each calling Core's class
/// under the name Core registers it by, so histories written by either host replay on the other.
/// </summary>
public sealed class PairingYearFunctions(IProgramMessenger messenger, ISentMessageLedger ledger, TimeProvider clock)
{
    /// <summary>Carries one pairing through its program year (<see cref="PairingYearOrchestrator"/>).</summary>
    [Function(PairingYearOrchestrator.Name)]
    public static Task<PairingYearOutcome?> RunYear([OrchestrationTrigger] TaskOrchestrationContext context, PairingYearInput input) =>
        new PairingYearOrchestrator().RunAsync(context, input);

    /// <summary>Sends one program message at most once per idempotency key.</summary>
    [Function(SendProgramMessage.Name)]
    public Task<bool> SendMessage([ActivityTrigger] ProgramMessage message) =>
        new SendProgramMessage(messenger, ledger, clock).SendAsync(message);

    /// <summary>Sends the messages one step of a year queued, each at most once per idempotency key.</summary>
    [Function(SendProgramMessages.Name)]
    public Task<int> SendMessages([ActivityTrigger] IReadOnlyList<ProgramMessage> messages) =>
        new SendProgramMessages(messenger, ledger, clock).SendAllAsync(messages);
}
