using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;
using Microsoft.Playwright;

namespace MentorFlow.Functions.Tests.Accessibility;

/// <summary>
/// Every role walks its pages in Chromium on a phone (360 px) and a laptop (1280 px), forms also after a failed submit, and
/// axe-core finds no serious or critical problem on any of them. With <c>MENTORFLOW_SCREENSHOTS</c> set to a folder, the
/// walk also saves the README's screenshots there.
/// </summary>
public sealed class AccessibilityWalkTests
{
    private static readonly int[] Widths = [360, 1280];

    // The README's screenshots: staff pages on a laptop, the pair's pages on a phone.
    private static readonly HashSet<string> Screenshots =
    [
        "home-1280", "sign-in-wrong-password-1280", "hr-pairings-end-refused-1280", "coordinator-dashboard-1280", "coordinator-pairing-1280", "hr-import-preview-1280", "hr-hires-1280", "reports-1280",
        "action-plan-errors-360", "schedule-360", "meeting-log-360", "confirm-time-360", "midyear-check-360", "sign-off-360",
    ];

    private const string AccountPassword = "a password of twenty-one";

    private static readonly string PairingsCsv = RepositoryRoot.Combine("functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv");

    [Fact]
    public async Task Staff_pages_have_no_serious_accessibility_problem_at_either_width()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await Staff.StaffAccountsCommandTests.AddAsync(app, "cam@district.example", "Cam Rivera", AccountPassword, "Coordinator");
        await using var browser = await Browser.LaunchAsync();
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            var visitor = await browser.PageAsync(width, withScripts: true);
            await Visit(visitor, app, "/");
            await Check(visitor, "home", problems);
            await Visit(visitor, app, "/staff/sign-in");
            await Check(visitor, "sign-in", problems);
            await visitor.ClickAsync("button[type=submit]");
            await Check(visitor, "sign-in, refused", problems);
            await visitor.FillAsync("#Email", "cam@district.example");
            await visitor.FillAsync("#Password", "not the password");
            await visitor.ClickAsync("button[type=submit]");
            await Check(visitor, "sign-in, wrong password", problems);
            await visitor.FillAsync("#Password", AccountPassword);
            await visitor.ClickAsync("button[type=submit]");
            await Visit(visitor, app, "/coordinator");
            await Check(visitor, "coordinator dashboard, signed in as a person", problems);

            var hr = await SignedInAsync(browser, app, width, StaffRole.Hr, "/hr/import");
            await Check(hr, "hr import", problems);
            await hr.SetInputFilesAsync("#file", new FilePayload { Name = "pairings.csv", MimeType = "text/csv", Buffer = "districtId\nx\n"u8.ToArray() });
            await hr.ClickAsync("form[enctype] button[type=submit]");
            await Check(hr, "hr import, errors", problems);
            await hr.SetInputFilesAsync("#file", PairingsCsv);
            await hr.ClickAsync("form[enctype] button[type=submit]");
            await Check(hr, "hr import, preview", problems);
            await hr.ClickAsync("input[name=confirm] ~ button[type=submit]");
            await Check(hr, "hr import, done", problems);
            await Visit(hr, app, "/hr/hires");
            await Check(hr, "hr hires", problems);
            await Visit(hr, app, $"/hr/pairings?end={id}");
            await Check(hr, "hr pairings, ending one", problems);
            await hr.ClickAsync("text=End the pairing");
            await Check(hr, "hr pairings, end refused", problems);
            await Visit(hr, app, $"/hr/pairings/{id}/reassign");
            await Check(hr, "hr reassign", problems);
            await hr.ClickAsync("main button[type=submit]");
            await Check(hr, "hr reassign, refused", problems);

            var coordinator = await SignedInAsync(browser, app, width, StaffRole.Coordinator, "/coordinator");
            await Check(coordinator, "coordinator dashboard", problems);
            await Visit(coordinator, app, $"/coordinator/pairings/{id}");
            await Check(coordinator, "coordinator pairing", problems);

            var analyst = await SignedInAsync(browser, app, width, StaffRole.Analyst, "/reports");
            await Check(analyst, "reports", problems);
            await Visit(analyst, app, "/coordinator");
            await Check(analyst, "denied", problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_pairs_step_pages_have_no_serious_accessibility_problem_at_either_width()
    {
        await using var app = await RunningApp.StartAsync();
        await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var problems = new List<string>();
        var pages = new Dictionary<int, IPage>();
        foreach (var width in Widths)
        {
            pages[width] = await browser.PageAsync(width, withScripts: true);
        }

        await CheckStepAsync(app, pages, "ActionPlanInvite", "Mentor", "action plan", problems);
        await StepPages.FillPlanAsync(pages[360]);
        await pages[360].ClickAsync("button[type=submit]");
        await Check(pages[360], "action plan, saved", problems);
        await CheckStepAsync(app, pages, "ActionPlanInvite", "Mentee", "action plan, signing", problems);
        await pages[360].FillAsync("#Form_SignatureName", "Sam Okafor");
        await pages[360].ClickAsync("button[type=submit]");
        await app.RunEngineAsync();

        await CheckStepAsync(app, pages, "ScheduleRequest", "Mentor", "schedule", problems, emptied: "#Schedule_StartTime");
        await StepPages.ScheduleAsync(app, browser);

        await CheckStepAsync(app, pages, "MeetingInvite", "Mentor", "meeting log", problems);
        var mentor = pages[360];
        await mentor.FillAsync("#Log_Minutes", "50");
        await mentor.ClickAsync("button[type=submit]");
        await Check(mentor, "meeting log, saved", problems);
        await app.RunEngineAsync();
        await CheckStepAsync(app, pages, "MeetingInvite", "Mentee", "confirm time", problems);
        // A dispute asks why; the mentor then sees it and may correct or withdraw the log.
        foreach (var (width, page) in pages)
        {
            await page.GotoAsync(app.EmailedLink("MeetingInvite", "Mentee").ToString());
            await page.CheckAsync("input[type=radio][value=Disputed]");
            await page.ClickAsync("button[type=submit]");
            await Check(page, "confirm time, dispute without a reason", problems);
        }

        await pages[360].FillAsync("input[name^='Reason[']", "We met for half that time");
        await pages[360].ClickAsync("button[type=submit]");
        await app.RunEngineAsync();
        foreach (var (width, page) in pages)
        {
            await page.GotoAsync(app.EmailedLink("LogDisputed", "Mentor").ToString());
            await Check(page, "meeting log, disputed", problems);
            await page.ClickAsync("#log-history a[href^='?edit=']");
            await Check(page, "meeting log, correcting", problems);
            await page.GotoAsync(app.EmailedLink("LogDisputed", "Mentor").ToString());
            await page.ClickAsync("#log-history a[href^='?withdraw=']");
            await Check(page, "meeting log, withdrawing", problems);
        }

        foreach (var (width, page) in pages)
        {
            await page.GotoAsync(app.EmailedLink("MeetingInvite", "Mentor").ToString());
            await page.ClickAsync("text=Log an observation cycle instead");
            await Check(page, $"observation ({width} px)", problems);
        }

        await StepPages.AdvanceAsync(app, 144);
        await CheckStepAsync(app, pages, "MidyearRequest", "Mentor", "midyear check", problems);
        foreach (var (width, page) in pages)
        {
            await page.GotoAsync(app.EmailedLink("MidyearRequest", "Mentee").ToString());
            await Check(page, $"the mentee's midyear word ({width} px)", problems);
            await page.ClickAsync("button[type=submit]");
            await Check(page, $"the mentee's midyear word, errors ({width} px)", problems);
        }

        await StepPages.AdvanceAsync(app, 145);
        await CheckStepAsync(app, pages, "SignOffRequest", "Mentor", "sign-off", problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_check_finds_a_serious_problem_when_a_page_has_one()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PageAsync(360, withScripts: true);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><input id=\"x\"></main></body></html>");

        var problems = await AxeCheck.SeriousProblemsAsync(page, "bare field");

        Assert.Contains(problems, p => p.StartsWith("bare field: label (critical)", StringComparison.Ordinal));

        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>Page</h1><h3>Skipped a level</h3></main></body></html>");
        Assert.Contains(await AxeCheck.SeriousProblemsAsync(page, "skipped heading"), p => p.StartsWith("skipped heading: heading-order", StringComparison.Ordinal));
    }

    // The step's emailed link at each width, as it opens and after submitting it untouched (the form's errors), with
    // the field "emptied" cleared first when the form opens filled in.
    private static async Task CheckStepAsync(
        RunningApp app, Dictionary<int, IPage> pages, string kind, string person, string name, List<string> problems, string? emptied = null)
    {
        foreach (var (width, page) in pages)
        {
            await page.GotoAsync(app.EmailedLink(kind, person).ToString());
            await Check(page, name, problems);
            if (await page.QuerySelectorAsync("button[type=submit]") is { } submit && person == "Mentor")
            {
                if (emptied is not null)
                {
                    await page.FillAsync(emptied, "");
                }

                await submit.ClickAsync();
                await Check(page, $"{name}, errors", problems);
            }
        }
    }

    // A page showing a field's error opens on the summary of them all, focused, each entry linking to a field that is there.
    private static Task<string[]> ErrorSummaryProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const shown = [...document.querySelectorAll('span.error')].filter(e => e.textContent.trim().length > 0);
            const summary = document.getElementById('error-summary');
            if (shown.length === 0 && !summary) return [];
            if (!summary) return [`${shown.length} field error(s) but no error summary`];
            const problems = [];
            if (document.activeElement !== summary) problems.push(`the focus is on ${document.activeElement?.tagName}, not the error summary`);
            if (location.hash !== '#error-summary') problems.push('the page did not open at the error summary');
            for (const link of summary.querySelectorAll('a')) {
                if (!document.getElementById(link.getAttribute('href').slice(1))) problems.push(`the summary links to ${link.getAttribute('href')}, which is not on the page`);
            }
            return problems;
        }
        """);

    private static async Task<IPage> SignedInAsync(Browser browser, RunningApp app, int width, StaffRole role, string returnTo)
    {
        var page = await browser.PageAsync(width, withScripts: true);
        await Visit(page, app, $"/staff/sign-in?ReturnUrl={returnTo}");
        await page.FillAsync("#Key", RunningApp.Keys[role]);
        await page.ClickAsync("button[type=submit]");
        return page;
    }

    private static Task<IResponse?> Visit(IPage page, RunningApp app, string path) => page.GotoAsync(new Uri(app.BaseAddress, path).ToString());

    private static async Task Check(IPage page, string name, List<string> problems)
    {
        var width = page.ViewportSize!.Width;
        problems.AddRange(await AxeCheck.SeriousProblemsAsync(page, $"{name} at {width} px"));
        problems.AddRange((await ErrorSummaryProblemsAsync(page)).Select(p => $"{name} at {width} px: {p}"));
        if (width < 600)
        {
            problems.AddRange((await StepPages.PhoneProblemsAsync(page)).Select(p => $"{name} at {width} px: {p}"));
        }

        var shot = $"{string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}-{width}".Replace("--", "-", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("MENTORFLOW_SCREENSHOTS") is { Length: > 0 } folder && Screenshots.Contains(shot))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, shot + ".png"), FullPage = true });
        }
    }
}
