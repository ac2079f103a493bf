using Microsoft.DurableTask;

namespace MentorFlow.Core.Messaging;

/// <summary>
/// The activity that sends one program message, at most once per idempotency key: the engine runs
/// activities at least once, so a retry after a crash looks the key up first.
/// </summary>
public sealed class SendProgramMessage(IProgramMessenger messenger, ISentMessageLedger ledger, TimeProvider timeProvider)
    : TaskActivity<ProgramMessage, bool>
{
    /// <summary>The activity's registered name.</summary>
    public const string Name = nameof(SendProgramMessage);

    /// <summary>Sends the message unless its key was sent before; returns true when it sent now.</summary>
    public override async Task<bool> RunAsync(TaskActivityContext context, ProgramMessage input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (await ledger.WasSentAsync(input.IdempotencyKey, CancellationToken.None))
        {
            return false;
        }

        await messenger.SendAsync(input, CancellationToken.None);
        await ledger.RecordSentAsync(input.IdempotencyKey, timeProvider.GetUtcNow().UtcDateTime, CancellationToken.None);
        return true;
    }
}
