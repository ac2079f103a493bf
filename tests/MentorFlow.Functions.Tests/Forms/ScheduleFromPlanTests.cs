using MentorFlow.Core.ActionPlans;
using MentorFlow.Functions.Pages.Steps;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class ScheduleFromPlanTests
{
    private static ActionPlan Plan(string time, string place) => new(time, place, [], [], "none");

    [Theory]
    [InlineData("Tuesdays, 3:30 pm", DayOfWeek.Tuesday, "15:30")]
    [InlineData("Thu 15:30", DayOfWeek.Thursday, "15:30")]
    [InlineData("every Monday at 7.45 a.m. before school", DayOfWeek.Monday, "07:45")]
    [InlineData("Wednesdays after school, room 12, 3 pm", DayOfWeek.Wednesday, "15:00")]
    [InlineData("Fridays at 12 pm", DayOfWeek.Friday, "12:00")]
    public void The_plans_meeting_time_gives_the_weekday_and_start_time(string time, DayOfWeek weekday, string start)
    {
        var form = ScheduleFromPlan.Form(Plan(time, "Room 12"));

        Assert.Equal(weekday, form.Weekday);
        Assert.Equal(start, form.StartTime);
        Assert.Equal("Room 12", form.Place);
        Assert.Null(form.VideoLink);
    }

    [Fact]
    public void What_cannot_be_read_stays_as_the_blank_form_has_it()
    {
        var form = ScheduleFromPlan.Form(Plan("whenever suits us both, room 12", "https://meet.example.org/abc"));
        var blank = new ScheduleForm();

        Assert.Equal(blank.Weekday, form.Weekday);
        Assert.Null(form.StartTime);
        Assert.Equal(blank.Minutes, form.Minutes);
        Assert.Null(form.Place);
        Assert.Equal("https://meet.example.org/abc", form.VideoLink);
    }

    [Fact]
    public void Without_a_plan_the_form_is_blank()
    {
        var form = ScheduleFromPlan.Form(null);

        Assert.Equivalent(new ScheduleForm(), form, strict: true);
    }
}
