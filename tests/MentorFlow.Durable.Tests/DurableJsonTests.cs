using MentorFlow.Durable.History;

namespace MentorFlow.Durable.Tests;

public sealed class DurableJsonTests
{
    private static readonly DateTime At = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_stored_event_writes_its_payload_s_quotes_as_two_bytes_and_reads_back_the_same_payload()
    {
        var payload = DurableJson.Serialize(new { note = "Mentor's <b>first</b> plan", hours = 1.5 })!;
        var raised = new EventRaisedEvent(At, "PairingYearEvent", payload);

        var stored = DurableJson.SerializeEvent(raised);

        Assert.DoesNotContain("\\u0022", stored, StringComparison.Ordinal);
        Assert.Contains("\\\"note\\\"", stored, StringComparison.Ordinal);
        Assert.Equal(raised, DurableJson.DeserializeEvent(stored));
        Assert.Equal([raised, raised], DurableJson.DeserializeEvents(DurableJson.SerializeEvents([raised, raised])));
    }

    [Fact]
    public void A_payload_keeps_the_default_encoding_that_stored_records_are_compared_by()
    {
        Assert.Equal("{\"note\":\"Mentor\\u0027s plan\"}", DurableJson.Serialize(new { note = "Mentor's plan" }));
    }
}
