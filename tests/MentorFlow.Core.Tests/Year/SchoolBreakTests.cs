using MentorFlow.Core.Messaging;
using MentorFlow.Core.Settings;

namespace MentorFlow.Core.Tests.Year;

public sealed class SchoolBreakTests
{
    [Fact]
    public async Task Reminders_and_the_escalation_wait_over_a_school_break_and_resume_on_the_first_day_back()
    {
        var settings = YearHarness.District with { Breaks = [new SchoolBreak(new DateOnly(2026, 9, 3), new DateOnly(2026, 9, 20), "Fall break")] };
        using var year = new YearHarness(settings);
        var pair = new ScriptedPair { SignsPlan = false };
        var sentOn = new List<(DateOnly Day, ProgramMessage Message)>();
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 1), (day, arrived) =>
        {
            // What arrives in the morning went out the midday before.
            sentOn.AddRange(arrived.Select(m => (day.AddDays(-1), m)));
            return pair.Day(day, arrived);
        });

        // Without the break: reminders 9-04, 9-07, 9-10 and the escalation on 9-18 (due 9-15 + 3 days).
        var reminders = sentOn.Where(s => s.Message.Kind == ProgramMessageKind.ActionPlanReminder && s.Message.To.Role == RecipientRole.Mentor).Select(s => s.Day);
        Assert.Equal([new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 24), new DateOnly(2026, 9, 27)], reminders);
        var escalation = Assert.Single(sentOn, s => s.Message.Kind == ProgramMessageKind.ActionPlanEscalation);
        Assert.Equal(new DateOnly(2026, 9, 21), escalation.Day);
    }

    [Fact]
    public async Task A_year_pinned_without_breaks_reminds_through_the_holidays_as_it_always_did()
    {
        using var year = new YearHarness(YearHarness.District with { Breaks = null });
        var pair = new ScriptedPair { SignsPlan = false };
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 12), pair.Day);

        Assert.Equal(3, year.Messenger.Count(ProgramMessageKind.ActionPlanReminder, RecipientRole.Mentor));
    }
}
