using DurableTask.Core;
using MentorFlow.Durable.Sqlite;

namespace MentorFlow.Durable.Tests;

public sealed class HistoryJsonTests
{
    private static readonly DateTime At = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_stored_event_writes_its_payload_s_quotes_as_two_bytes_and_reads_back_the_same_event()
    {
        var payload = DurableJson.Serialize(new { note = "Mentor's <b>first</b> plan", hours = 1.5 })!;
        var raised = new EventRaisedEvent(-1, payload) { Name = "PairingYearEvent", Timestamp = At };

        var stored = HistoryJson.Serialize(raised);

        Assert.DoesNotContain("\\u0022", stored, StringComparison.Ordinal);
        Assert.Contains("\\\"note\\\"", stored, StringComparison.Ordinal);
        var read = Assert.IsType<EventRaisedEvent>(HistoryJson.Deserialize(stored));
        Assert.Equal((raised.Name, raised.Input, raised.Timestamp, raised.EventId), (read.Name, read.Input, read.Timestamp, read.EventId));
    }

    [Fact]
    public void Every_event_the_engine_writes_reads_back_with_the_fields_replay_needs()
    {
        var failure = new FailureDetails("System.InvalidOperationException", "no such school", "at Work()", new FailureDetails("Inner", "why", null, null, false), isNonRetriable: true);
        HistoryEvent[] events =
        [
            new ExecutionStartedEvent(-1, "\"in\"")
            {
                Name = "Year", Version = "2", OrchestrationInstance = new OrchestrationInstance { InstanceId = "p-1", ExecutionId = "e-1" },
                ParentInstance = new ParentInstance { OrchestrationInstance = new OrchestrationInstance { InstanceId = "parent", ExecutionId = "e-0" }, Name = "District", Version = "1", TaskScheduleId = 4 },
            },
            new OrchestratorStartedEvent(-1),
            new TaskScheduledEvent(0, "Send", null, "[1]"),
            new TaskCompletedEvent(-1, 0, "3"),
            new TaskFailedEvent(-1, 0, "no such school", null, failure),
            new TimerCreatedEvent(1, At.AddDays(365)),
            new TimerFiredEvent(-1, At.AddDays(365)) { TimerId = 1 },
            new SubOrchestrationInstanceCreatedEvent(2) { Name = "Child", InstanceId = "c-1", Input = "41" },
            new SubOrchestrationInstanceCompletedEvent(-1, 2, "42"),
            new SubOrchestrationInstanceFailedEvent(-1, 2, "failed", null, failure),
            new EventSentEvent(3) { InstanceId = "other", Name = "Go", Input = "1" },
            new ExecutionSuspendedEvent(-1, "holiday"),
            new ExecutionResumedEvent(-1, "back"),
            new ExecutionTerminatedEvent(-1, "\"left\""),
            new ExecutionCompletedEvent(-1, "\"out\"", OrchestrationStatus.Failed, failure),
        ];
        foreach (var e in events)
        {
            e.Timestamp = At;
        }

        var read = HistoryJson.DeserializeAll(HistoryJson.SerializeAll(events));

        Assert.Equal(events.Select(e => (e.EventType, e.EventId, e.Timestamp)), read.Select(e => (e.EventType, e.EventId, e.Timestamp)));
        var started = Assert.IsType<ExecutionStartedEvent>(read[0]);
        Assert.Equal(("Year", "2", "p-1", "e-1", "\"in\"", "parent", 4), (started.Name, started.Version, started.OrchestrationInstance.InstanceId, started.OrchestrationInstance.ExecutionId, started.Input, started.ParentInstance.OrchestrationInstance.InstanceId, started.ParentInstance.TaskScheduleId));
        Assert.Equal(1, Assert.IsType<TimerFiredEvent>(read[6]).TimerId);
        var failed = Assert.IsType<TaskFailedEvent>(read[4]);
        Assert.Equal((failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.IsNonRetriable), (failed.FailureDetails!.ErrorType, failed.FailureDetails.ErrorMessage, failed.FailureDetails.StackTrace, failed.FailureDetails.IsNonRetriable));
        Assert.Equal("why", failed.FailureDetails!.InnerFailure!.ErrorMessage);
        Assert.Equal(OrchestrationStatus.Failed, Assert.IsType<ExecutionCompletedEvent>(read[^1]).OrchestrationStatus);
    }

    [Fact]
    public void A_payload_keeps_the_default_encoding_that_stored_records_are_compared_by()
    {
        Assert.Equal("{\"note\":\"Mentor\\u0027s plan\"}", DurableJson.Serialize(new { note = "Mentor's plan" }));
    }
}
