using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Figures;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Settings;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Tests.Wording;
using MentorFlow.Core.Wording;
using MentorFlow.Core.Year;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Coordinator;
using MentorFlow.Functions.Pages;
using MentorFlow.Functions.Pages.Coordinator;
using MentorFlow.Functions.Pages.Steps;
using MentorFlow.Functions.Records;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PairingPageComponent = MentorFlow.Functions.Pages.Coordinator.Pairing;

namespace MentorFlow.Functions.Tests.Wording;

// Every page a person reads, rendered with every code it can show (each stage, type, activity, term, frequency, reason,
// decision, outcome, confirmation, flag): its visible text is in the program's words. Option values may stay codes.
public sealed partial class PageWordsTests
{
    private static readonly StepHeading Heading = new("A step", "Maria Alvarez", "Sam Okafor", null, null);
    private static readonly DateTime Since = new(2026, 10, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<ObservationType, int> ByType = Enum.GetValues<ObservationType>().ToDictionary(t => t, _ => 1);

    [Fact]
    public async Task The_step_pages_show_categories_activities_confirmations_types_and_stages_in_words()
    {
        var form = new ActionPlanForm { Commitments = [.. Enum.GetValues<CommitmentCategory>().Select(c => new CommitmentRow { Text = "We will meet", Category = c })] };
        var logs = Enum.GetValues<TimeConfirmation>()
            .Select((c, i) => new CollaborationLog($"log-{i}", new DateOnly(2026, 9, 8 + i), 45, false, true, Enum.GetValues<CollaborationActivity>(), null, c))
            .ToList();
        var pages = new List<(string Page, string Html)>
        {
            ("action plan", await RenderAsync<ActionPlanStepForm, ActionPlanStepView>(new(Heading, "t", form, new FieldErrors(), null, false, true, false))),
            ("log", await RenderAsync<LogStepForm, LogStepView>(new(Heading, "t",
                new LogMeetingForm { Activities = [CollaborationActivity.RegularMeeting] }, new FieldErrors(), true, logs, new Uri("/s/x", UriKind.Relative), new PairingHours(1, 20), new Uri("/s/x", UriKind.Relative)))),
            ("confirm", await RenderAsync<ConfirmStepForm, ConfirmStepView>(new(Heading, "t", logs, new Dictionary<string, string>(), new FieldErrors(), logs, new PairingHours(1, 20)))),
            ("observation", await RenderAsync<ObservationStepForm, ObservationStepView>(new(Heading, "t",
                new ObservationForm { Type = ObservationType.MenteeObservesMentor }, new FieldErrors(), true, true, 1, 10))),
        };
        foreach (var stage in Enum.GetValues<PairingStage>())
        {
            pages.Add(($"status at {stage}", await RenderAsync<StepStatus, StepStatusView>(new(Heading, Status(stage)))));
        }

        AssertInWords(pages);
        var observation = VisibleText(pages.Single(p => p.Page == "observation").Html);
        Assert.Contains("Mentor observes the mentee's class", observation, StringComparison.Ordinal);
        Assert.Contains("value=\"0\"", pages.Single(p => p.Page == "observation").Html, StringComparison.Ordinal); // the form still posts the code
        Assert.Contains("value=\"RegularMeeting\"", pages.Single(p => p.Page == "log").Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_s_dashboard_and_pairing_page_show_stages_flags_frequencies_decisions_and_outcomes_in_words()
    {
        var stages = (string[])[ProgramWords.NotStarted, .. Enum.GetNames<PairingStage>()];
        var rows = stages.Select((stage, i) => new CoordinatorRow($"p-{i}", "d", "Lincoln", "Maya Mentor", $"Mentee {i}", stage, 3, "both signatures on the action plan",
            4, 5, 20, Enum.GetValues<MeetingFrequency>()[i % 4], new DateOnly(2026, 10, 1), 1, 1, 1, 1, ProgramWords.Flags)).ToList();
        var board = new Board(rows, ["Lincoln"], [(new DateOnly(2026, 9, 7), 2)]);
        var pages = new List<(string Page, string Html)>
        {
            ("dashboard", await RenderAsync<Dashboard, DashboardView>(new(new DashboardFilters(null, "FirstObservations", "at-risk", null, false), board, [],
                $"Decision recorded: {ProgramWords.Of(CoordinatorDecision.Extended)}.", "t"))),
        };
        var mentor = new Educator("e-1", "Maya Mentor", "maya@district.example", EducatorRole.Teacher, "Lincoln", 8);
        var mentee = new Educator("e-2", "Nico Newteacher", "nico@district.example", EducatorRole.Teacher, "Lincoln", 0);
        var interactions = Enum.GetValues<TimeConfirmation>()
            .Select((c, i) => new LoggedInteraction($"log-{i}", new DateOnly(2026, 9, 8 + i), 45, false, true, Enum.GetValues<CollaborationActivity>(), c)).ToList();
        var cycles = Enum.GetValues<ObservationType>()
            .Select(t => new ObservationCycle($"c-{t}", t, new DateOnly(2026, 10, 13), new DateOnly(2026, 10, 14), new DateOnly(2026, 10, 15), "Questioning", 2)).ToList();
        foreach (var term in Enum.GetValues<PairingTerm>())
        {
            foreach (var reason in Enum.GetValues<SeparationReason>())
            {
                var separation = new Separation(new DateOnly(2027, 3, 10), reason);
                var record = new PairingRecord(new Core.Pairings.Pairing("p-1", "d", "Lincoln", "2026-27", "e-1", "e-2", 1, term, new DateOnly(2026, 9, 1)), mentor, mentee, null, Since, separation);
                pages.Add(($"pairing {term} {reason}", await RenderAsync<PairingPageComponent, PairingView>(new(record, Status(PairingStage.SecondObservations), null, interactions, cycles, []))));
            }
        }

        foreach (var result in Enum.GetValues<PairingYearResult>())
        {
            foreach (var decision in Enum.GetValues<CoordinatorDecision>())
            {
                var record = new PairingRecord(new Core.Pairings.Pairing("p-1", "d", "Lincoln", "2026-27", "e-1", "e-2", 1, PairingTerm.FullYear, new DateOnly(2026, 9, 1)), mentor, mentee, null, Since);
                var outcome = new PairingYearOutcome("p-1", result, decision, new DateOnly(2027, 6, 20), 21, 25, 20, 30, MeetingFrequency.EveryTwoWeeks, ByType, 4, 5, 4, null, 0);
                pages.Add(($"pairing {result} {decision}", await RenderAsync<PairingPageComponent, PairingView>(new(record, null, outcome, interactions, cycles, []))));
            }
        }

        var deciding = new PairingRecord(new Core.Pairings.Pairing("p-1", "d", "Lincoln", "2026-27", "e-1", "e-2", 1, PairingTerm.FullYear, new DateOnly(2026, 9, 1)), mentor, mentee, null, Since);
        pages.Add(("pairing deciding", await RenderAsync<PairingPageComponent, PairingView>(new(deciding, Status(PairingStage.CoordinatorDecision), null, interactions, cycles, [], FormToken: "t"))));

        AssertInWords(pages);
        var dashboard = VisibleText(pages[0].Html);
        Assert.Contains("Meetings and observations, first half", dashboard, StringComparison.Ordinal);
        Assert.Contains("At risk", dashboard, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Extended\">More time, then sign off again</option>", pages[^1].Html, StringComparison.Ordinal);
    }

    private static PairingYearStatus Status(PairingStage stage) => new(stage, Since, "both signatures on the action plan", [RecipientRole.Mentee], Since, Since.AddDays(14),
        ["at-risk"], new PaceFigure(4, 5, 20), MeetingFrequency.Monthly, new DateOnly(2026, 9, 29), 1, ByType, new DateOnly(2027, 6, 15));

    private static void AssertInWords(IEnumerable<(string Page, string Html)> pages)
    {
        var found = pages.SelectMany(p => CodeNames.In(VisibleText(p.Html)).Select(code => $"{p.Page}: {code}")).Distinct().ToList();
        Assert.True(found.Count == 0, $"code names on pages:\n{string.Join('\n', found)}");
    }

    // What a reader sees: each text node on its own line, without tags (and so without attribute values), decoded.
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(Hidden().Replace(html, "\n"), "\n"));

    [GeneratedRegex(@"<(script|style|title)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    // Renders the component as the page renderer does for a request, as StepComponentTests does.
    private static async Task<string> RenderAsync<TPage, TModel>(TModel model)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var _ = services;
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        var result = await new PageRenderer().RenderAsync<TPage, TModel>(context, "A page", model);
        await result.ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return Encoding.UTF8.GetString(body.ToArray());
    }
}
