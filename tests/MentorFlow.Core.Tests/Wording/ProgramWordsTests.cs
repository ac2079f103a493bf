using MentorFlow.Core.Messaging;
using MentorFlow.Core.Wording;

namespace MentorFlow.Core.Tests.Wording;

public sealed class ProgramWordsTests
{
    public static TheoryData<Type> Enums => [.. ProgramWords.EnumsPeopleRead];

    [Theory]
    [MemberData(nameof(Enums))]
    public void Every_member_of_an_enum_people_read_has_words_that_are_not_its_code_name(Type type)
    {
        foreach (var value in Enum.GetValues(type).Cast<Enum>())
        {
            var words = ProgramWords.Of(value);
            Assert.False(string.IsNullOrWhiteSpace(words), $"{type.Name}.{value} has no words");
            Assert.NotEqual(value.ToString(), words);
            Assert.True(char.IsUpper(words[0]), $"{type.Name}.{value}: \"{words}\" is not in sentence case");
            Assert.Empty(CodeNames.In(words));
        }
    }

    [Fact]
    public void Every_enum_in_Core_that_a_message_a_page_or_a_status_shows_is_worded()
    {
        // The enums that are machinery, never shown to a person: the rest of Core's public enums (the kinds of email too: the pairing page lists them) must be worded.
        Type[] machinery = [typeof(SendIntent), typeof(Core.Year.PairingYearEventKind)];
        var shown = typeof(ProgramWords).Assembly.GetExportedTypes().Where(t => t.IsEnum).Except(machinery);

        Assert.Equal(shown.OrderBy(t => t.FullName), ProgramWords.EnumsPeopleRead.OrderBy(t => t.FullName));
    }

    [Fact]
    public void Every_flag_and_stage_name_the_dashboard_shows_is_worded()
    {
        Assert.All(ProgramWords.Flags, flag => Assert.NotEqual(flag, ProgramWords.OfFlag(flag)));
        Assert.Equal("Not started yet", ProgramWords.OfStage(ProgramWords.NotStarted));
        Assert.Equal("Action plan", ProgramWords.OfStage("Kickoff"));
    }

    [Fact]
    public void The_words_keep_the_meaning_of_the_code()
    {
        Assert.Equal("Mentor observes the mentee's class", ProgramWords.Of(Core.Observations.ObservationType.MentorObservesMentee));
        Assert.Equal("Full program year", ProgramWords.Of(Core.Settings.PairingTerm.FullYear));
        Assert.Equal("Regular meeting", ProgramWords.Of(Core.Logs.CollaborationActivity.RegularMeeting));
    }

    [Fact]
    public void A_message_body_carrying_a_code_as_the_year_recorded_it_is_worded_at_send_time()
    {
        var to = new Recipient(RecipientRole.Mentor, "Maya Mentor", "maya@district.example");
        var outcome = new ProgramMessage("p/OutcomeNotice/Mentor/1", ProgramMessageKind.OutcomeNotice, "p", to, "Your mentoring year is recorded",
            "The outcome of your mentoring year has been recorded.\n\nOutcome: Completed.");
        var ended = new ProgramMessage("p/SeparationNotice/Coordinator/1", ProgramMessageKind.SeparationNotice, "p", to, "A pairing ended early",
            "This pairing ended before its year did.\n\nEnded 2027-03-10: MenteeLeftDistrict.");

        Assert.Equal("The outcome of your mentoring year has been recorded.\n\nOutcome: Completed the program year.", ProgramWords.InWords(outcome).Body);
        Assert.Equal("This pairing ended before its year did.\n\nEnded 2027-03-10: The mentee left the district.", ProgramWords.InWords(ended).Body);
        var plain = outcome with { Body = "No code here." };
        Assert.Same(plain, ProgramWords.InWords(plain));
    }
}
