using MentorFlow.Core.Wording;
using Microsoft.DurableTask;

namespace MentorFlow.Core.Messaging;

/// <summary>
/// The activity that sends one program message, at most once per idempotency key: the engine runs activities at least
/// once, so the intent is recorded before the send and the send after it; an attempt cut off in between is not repeated.
/// </summary>
public sealed class SendProgramMessage(IProgramMessenger messenger, ISentMessageLedger ledger, TimeProvider timeProvider)
    : TaskActivity<ProgramMessage, bool>
{
    /// <summary>The activity's registered name.</summary>
    public const string Name = nameof(SendProgramMessage);

    /// <summary>Sends the message unless its key was sent (or attempted) before; returns true when it sent now.</summary>
    public override Task<bool> RunAsync(TaskActivityContext context, ProgramMessage input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SendAsync(input);
    }

    /// <summary>Sends <paramref name="input"/> unless its key was sent (or may have been) before; true when it sent it now.</summary>
    public async Task<bool> SendAsync(ProgramMessage input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await ledger.RecordIntentAsync(input.IdempotencyKey, timeProvider.GetUtcNow().UtcDateTime, CancellationToken.None) != SendIntent.SendNow)
        {
            return false;
        }

        try
        {
            // Worded here, not where the year composed it: its history keeps the text it recorded (see ProgramWords.InWords).
            await messenger.SendAsync(ProgramWords.InWords(input), CancellationToken.None);
        }
        catch (MailNotSentException)
        {
            // Certainly not sent: the next try may send it. Any other failure keeps the intent, and the send stays unknown.
            await ledger.ReleaseAsync(input.IdempotencyKey, CancellationToken.None);
            throw;
        }

        await ledger.RecordSentAsync(input.IdempotencyKey, timeProvider.GetUtcNow().UtcDateTime, CancellationToken.None);
        return true;
    }
}
