using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

// A mentor corrects or withdraws a log before it is confirmed; a dispute reaches the mentor with its reason; the mentee
// is asked weekly, at most, about time waiting for their word. Edition 1 of the rules only; edition 0 years send as before.
public sealed class MeetingLogRulesTests
{
    private static readonly DateTime Start = new(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc);

    private static LoggedInteraction Log(string id, int day, int minutes = 50) =>
        new(id, new DateOnly(2026, 9, day), minutes, false, true, [CollaborationActivity.RegularMeeting]);

    private static PairingYearProgress NewYear(int rules = 1)
    {
        var year = new PairingYearProgress(new PairingYearInput(YearHarness.Subject(), YearHarness.District with { YearRules = rules }));
        year.Start(Start);
        year.TakeOutbox(Start);
        return year;
    }

    // What the year does with an event, as the orchestrator does it: apply, then tick.
    private static IReadOnlyList<ProgramMessage> Hear(PairingYearProgress year, PairingYearEvent e, DateTime now)
    {
        year.Apply(e, now);
        year.Tick(now);
        return year.TakeOutbox(now);
    }

    private static IReadOnlyList<ProgramMessage> At(PairingYearProgress year, DateTime now)
    {
        year.Tick(now);
        return year.TakeOutbox(now);
    }

    [Fact]
    public void A_withdrawn_log_no_longer_counts_and_a_confirmed_one_cannot_be_withdrawn()
    {
        var year = NewYear();
        var now = Start.AddDays(7);
        Hear(year, PairingYearEvent.Logged(Log("log-1", 8, 60)), now);
        Hear(year, PairingYearEvent.Logged(Log("log-2", 9, 30)), now);
        Hear(year, PairingYearEvent.Confirmed(["log-1"]), now);

        Hear(year, PairingYearEvent.Withdrawn("log-2"), now);
        Hear(year, PairingYearEvent.Withdrawn("log-1"), now); // confirmed: the year keeps it

        Assert.Equal(["log-1"], year.State.Interactions.Select(i => i.LogId));
        Assert.Equal(1, year.Status(now).Pace.ConfirmedHours);
        Assert.Equal(new DateOnly(2026, 9, 8), year.Status(now).LastMeeting);
    }

    [Fact]
    public void A_dispute_sends_the_mentor_the_log_and_the_reason_with_the_link_to_correct_it()
    {
        var year = NewYear();
        var now = Start.AddDays(7);
        Hear(year, PairingYearEvent.Logged(Log("log-1", 8, 90)), now);
        Hear(year, PairingYearEvent.Logged(Log("log-2", 9, 30)), now);

        var sent = Hear(year, PairingYearEvent.Confirmed(["log-2"], ["log-1"], new Dictionary<string, string> { ["log-1"] = "We met for an hour, not ninety minutes" }), now.AddDays(1));

        var message = Assert.Single(sent, m => m.Kind == ProgramMessageKind.LogDisputed);
        Assert.Equal((ProgramMessageKind.LogDisputed, RecipientRole.Mentor, "log"), (message.Kind, message.To.Role, message.Step));
        Assert.Contains("The meeting on Tuesday 8 September 2026, 90 minutes: \"We met for an hour, not ninety minutes\"", message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Wednesday 9 September", message.Body, StringComparison.Ordinal);

        // Corrected, then disputed again: a second message, not the first sent twice.
        Hear(year, PairingYearEvent.Logged(Log("log-1", 8, 75)), now.AddDays(2));
        var corrected = year.State.Interactions.Single(i => i.LogId == "log-1");
        Assert.Equal((75, TimeConfirmation.Pending), (corrected.Minutes, corrected.Confirmation)); // asked again
        var again = Hear(year, PairingYearEvent.Confirmed([], ["log-1"], new Dictionary<string, string> { ["log-1"] = "Still not right" }), now.AddDays(3));
        Assert.NotEqual(message.IdempotencyKey, Assert.Single(again, m => m.Kind == ProgramMessageKind.LogDisputed).IdempotencyKey);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Only_a_year_of_the_first_edition_of_the_rules_or_later_sends_dispute_messages_and_digests(int rules, bool sends)
    {
        var year = NewYear(rules);
        var now = Start.AddDays(7);
        var sent = Hear(year, PairingYearEvent.Logged(Log("log-1", 8, 90)), now).ToList();
        sent.AddRange(Hear(year, PairingYearEvent.Confirmed([], ["log-1"], new Dictionary<string, string> { ["log-1"] = "Not right" }), now));
        Hear(year, PairingYearEvent.Logged(Log("log-2", 9)), now);
        for (var day = 1; day <= 30; day++)
        {
            sent.AddRange(At(year, now.AddDays(day)));
        }

        Assert.Equal(sends, sent.Any(m => m.Kind == ProgramMessageKind.LogDisputed));
        Assert.Equal(sends, sent.Any(m => m.Kind == ProgramMessageKind.ConfirmationDigest));
    }

    [Fact]
    public void Once_time_has_waited_three_days_the_mentee_is_asked_at_most_once_a_week_and_no_more_once_all_is_answered()
    {
        var year = NewYear();
        var now = Start.AddDays(7);

        // Logged, and answered within three days: the mentee is never chased.
        Assert.DoesNotContain(Hear(year, PairingYearEvent.Logged(Log("log-0", 7)), now), IsDigest);
        Assert.DoesNotContain(Hear(year, PairingYearEvent.Confirmed(["log-0"]), now.AddDays(2)), IsDigest);
        Assert.DoesNotContain(Enumerable.Range(3, 10).SelectMany(d => At(year, now.AddDays(d))), IsDigest);

        now = now.AddDays(14);
        Assert.DoesNotContain(Hear(year, PairingYearEvent.Logged(Log("log-1", 21)), now), IsDigest);
        Assert.Contains(now.AddDays(3), WakeUps(year, now, now.AddDays(4)));
        Assert.DoesNotContain(At(year, now.AddDays(2)), IsDigest);
        var digest = Assert.Single(At(year, now.AddDays(3)), IsDigest);
        Assert.Equal((ProgramMessageKind.ConfirmationDigest, RecipientRole.Mentee, "log"), (digest.Kind, digest.To.Role, digest.Step));
        Assert.Contains("1 logged meeting waits for your confirmation.", digest.Body, StringComparison.Ordinal);

        // A second log two days later: no second email that week; the year wakes for the next one a week after the first.
        Assert.DoesNotContain(Hear(year, PairingYearEvent.Logged(Log("log-2", 23)), now.AddDays(5)), IsDigest);
        Assert.Contains(now.AddDays(10), WakeUps(year, now.AddDays(5), now.AddDays(11)));
        Assert.DoesNotContain(At(year, now.AddDays(9)), IsDigest);
        var next = Assert.Single(At(year, now.AddDays(10)), IsDigest);
        Assert.Contains("2 logged meetings wait for your confirmation.", next.Body, StringComparison.Ordinal);
        Assert.NotEqual(digest.IdempotencyKey, next.IdempotencyKey);

        // All answered: nothing more, and nothing to wake for.
        Hear(year, PairingYearEvent.Confirmed(["log-1", "log-2"]), now.AddDays(11));
        var later = Enumerable.Range(12, 30).SelectMany(d => At(year, now.AddDays(d))).ToList();
        Assert.DoesNotContain(later, IsDigest);
    }

    // The moments the year asks to be woken between from and to (nothing else happening).
    private static List<DateTime> WakeUps(PairingYearProgress year, DateTime from, DateTime to)
    {
        var wakeUps = new List<DateTime>();
        for (var at = year.NextWakeUp(from); at <= to; at = year.NextWakeUp(at))
        {
            wakeUps.Add(at);
        }

        return wakeUps;
    }

    private static bool IsDigest(ProgramMessage message) => message.Kind == ProgramMessageKind.ConfirmationDigest;
}
