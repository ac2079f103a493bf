using Microsoft.DurableTask;

namespace MentorFlow.Core.Messaging;

/// <summary>
/// The activity that sends all the messages one step of a year queued, each at most once per idempotency key: one
/// activity call per step instead of one per email keeps a year's history and the engine's work small.
/// </summary>
public sealed class SendProgramMessages(IProgramMessenger messenger, ISentMessageLedger ledger, TimeProvider timeProvider)
    : TaskActivity<IReadOnlyList<ProgramMessage>, int>
{
    /// <summary>The activity's registered name.</summary>
    public const string Name = nameof(SendProgramMessages);

    private readonly SendProgramMessage _one = new(messenger, ledger, timeProvider);

    /// <summary>Sends each message whose key was not sent before; returns how many it sent now.</summary>
    public override Task<int> RunAsync(TaskActivityContext context, IReadOnlyList<ProgramMessage> input) => SendAllAsync(input);

    /// <summary>Sends each message of <paramref name="input"/> whose key was not sent before; returns how many it sent now.</summary>
    public async Task<int> SendAllAsync(IReadOnlyList<ProgramMessage> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sent = 0;
        foreach (var message in input)
        {
            // A retry after a failure part-way resends nothing that went: each key is checked first.
            sent += await _one.SendAsync(message) ? 1 : 0;
        }

        return sent;
    }
}
