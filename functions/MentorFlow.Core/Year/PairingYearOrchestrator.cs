using MentorFlow.Core.Messaging;
using Microsoft.DurableTask;

namespace MentorFlow.Core.Year;

/// <summary>
/// Carries one pairing through its program year: kickoff, schedule fill-in, observations, midyear check,
/// observations, sign-off. It waits for people's events and for the next moment the year's rules
/// (<see cref="PairingYearProgress"/>) have something to do, sends what they queue as idempotent
/// activities (holding what the mail server did not take for a later try), and keeps its custom status current. Every few steps it continues as new with its state,
/// so a year's history stays short.
/// </summary>
public sealed class PairingYearOrchestrator : TaskOrchestrator<PairingYearInput, PairingYearOutcome?>
{
    /// <summary>The orchestrator's registered name.</summary>
    public const string Name = "PairingYear";

    /// <summary>The one event name everything is raised under, so events keep their arrival order.</summary>
    public const string EventName = "PairingYearEvent";

    /// <summary>
    /// Wake-ups handled before the history is started afresh with the state carried over. Workers keep a year live
    /// between wake-ups (extended sessions), so a long history costs nothing until a restart replays it, while a new
    /// execution costs a step, a replay and the old history's rows: a typical year (about 110 wake-ups) fits in one,
    /// a busy one in two.
    /// </summary>
    public const int StepsPerExecution = 128;

    /// <inheritdoc/>
    public override async Task<PairingYearOutcome?> RunAsync(TaskOrchestrationContext context, PairingYearInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var year = new PairingYearProgress(input);
        if (input.State is null)
        {
            year.Start(context.CurrentUtcDateTime);
        }

        year.Tick(context.CurrentUtcDateTime);
        Task<PairingYearEvent>? nextEvent = null;
        Task? timer = null;
        var timerAt = DateTime.MinValue;
        CancellationTokenSource? stopTimer = null;
        try
        {
            for (var step = 0; ; step++)
            {
                if (year.TakeOutbox(context.CurrentUtcDateTime) is { Count: > 0 } outbox)
                {
                    try
                    {
                        await context.CallActivityAsync<int>(SendProgramMessages.Name, outbox);
                        year.MailSent();
                    }
                    catch (TaskFailedException)
                    {
                        // Mail is down: the year goes on, and the messages wait for a later wake-up (its own backoff, no retry policy).
                        year.MailFailed(outbox, context.CurrentUtcDateTime);
                    }

                    if (timer is { IsCompleted: true })
                    {
                        // The wake-up came while the mail went (a clock that jumped, a process down for days): take it now,
                        // or the year would sleep past what was due until its next timer.
                        timer = null;
                        year.Tick(context.CurrentUtcDateTime);
                        continue;
                    }
                }

                context.SetCustomStatus(year.Status(context.CurrentUtcDateTime));
                if (year.Outcome is { } outcome && !year.HoldsMail)
                {
                    return outcome;
                }

                if (step >= StepsPerExecution)
                {
                    context.ContinueAsNew(input with { State = year.State }, preserveUnprocessedEvents: true);
                    return null;
                }

                // Keep one timer while the next wake-up stays the same, and one event waiter until it is answered.
                var wakeAt = year.NextWakeUp(context.CurrentUtcDateTime);
                if (timer is null || timerAt != wakeAt)
                {
                    stopTimer?.Cancel();
                    stopTimer?.Dispose();
                    stopTimer = new CancellationTokenSource();
                    timer = context.CreateTimer(wakeAt, stopTimer.Token);
                    timerAt = wakeAt;
                }

                nextEvent ??= context.WaitForExternalEvent<PairingYearEvent>(EventName);
                if (await Task.WhenAny(nextEvent, timer) == nextEvent)
                {
                    year.Apply(await nextEvent, context.CurrentUtcDateTime);
                    nextEvent = null;
                }
                else
                {
                    timer = null;
                }

                year.Tick(context.CurrentUtcDateTime);
            }
        }
        finally
        {
            // DurableTask.Core ends an execution only once no timer is pending: the wake-up is cancelled on the way out.
            stopTimer?.Cancel();
            stopTimer?.Dispose();
        }
    }
}
