using MentorFlow.Core.Logs;

namespace MentorFlow.Simulation.Tests;

public sealed class SimulatedNotesTests
{
    [Fact]
    public void Each_note_ends_in_a_marker_naming_its_log_that_no_other_note_has()
    {
        var notes = new SimulatedNotes(new Random(3));

        var written = Enumerable.Range(1, 500).Select(i => (LogId: $"pairing-00001-log-{i}", Note: notes.Write($"pairing-00001-log-{i}", CollaborationActivity.RegularMeeting)))
            .Where(w => w.Note is not null).ToList();

        Assert.InRange(written.Count, 300, 450); // most regular meetings, not all
        Assert.All(written, w => Assert.StartsWith($"{SimulatedNotes.MarkerPrefix}{w.LogId}-", SimulatedNotes.MarkerIn(w.Note!), StringComparison.Ordinal));
        Assert.Equal(written.Count, written.Select(w => SimulatedNotes.MarkerIn(w.Note!)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Brief_conversations_get_fewer_notes_than_regular_meetings()
    {
        var notes = new SimulatedNotes(new Random(3));

        var meetings = Enumerable.Range(1, 500).Count(i => notes.Write($"m-{i}", CollaborationActivity.RegularMeeting) is not null);
        var conversations = Enumerable.Range(1, 500).Count(i => notes.Write($"c-{i}", CollaborationActivity.BriefConversation) is not null);

        Assert.True(conversations < meetings / 2, $"{conversations} notes on brief conversations, {meetings} on meetings");
    }

    [Fact]
    public void Text_without_a_marker_has_none()
    {
        Assert.Null(SimulatedNotes.MarkerIn("Talked about pacing. Next we plan together."));
    }
}
