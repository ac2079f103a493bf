using System.Net.Http.Json;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using Microsoft.Playwright;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>What people do on the step pages, as steps the form tests share.</summary>
internal static class StepPages
{
    public static async Task FillPlanAsync(IPage page, string secondCommitment = "We will come prepared.")
    {
        await page.FillAsync("#Form_MeetingTime", "Tuesdays, 3:30 pm");
        await page.FillAsync("#Form_MeetingPlace", "Room 12");
        string[] commitments = ["We will meet every week.", secondCommitment, "We will listen first.", "We will keep what we share between us."];
        for (var i = 0; i < commitments.Length; i++)
        {
            await page.FillAsync($"#Form_Commitments_{i}__Text", commitments[i]);
        }

        for (var i = 0; i < 3; i++)
        {
            await page.FillAsync($"#Form_Goals_{i}__Goal", $"Goal {i + 1}");
            await page.FillAsync($"#Form_Goals_{i}__MentorSupport", "Model it in class");
            await page.FillAsync($"#Form_Goals_{i}__MenteeAccountability", "Try it twice a week");
        }

        await page.FillAsync("#Form_OffLimitsTopics", "none");
        await page.FillAsync("#Form_SignatureName", "Maria Alvarez");
    }

    /// <summary>
    /// The page works on a phone: nothing is wider than the 360 px screen, and every field a person fills has a label
    /// (a label for it, one around it, or an aria-label). Returns what is wrong, empty when nothing is.
    /// </summary>
    public static Task<string[]> PhoneProblemsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => {
            const problems = [];
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width) {
                // Name the outermost element that reaches past the screen's edge, to say what to fix.
                const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) { if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true; } return false; };
                const wide = [...document.body.querySelectorAll('*')].find(e => e.getBoundingClientRect().right > width + 1 && !scrolls(e));
                const what = wide ? `${wide.tagName.toLowerCase()}${wide.id ? '#' + wide.id : ''}${wide.className && typeof wide.className === 'string' ? '.' + wide.className.split(' ').join('.') : ''}` : 'something';
                problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${width} px screen (${what} reaches past its edge)`);
            }
            for (const field of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
                const labelled = (field.id && document.querySelector(`label[for="${field.id}"]`)) || field.closest('label') || field.getAttribute('aria-label');
                if (!labelled) problems.push(`${field.name || field.id} has no label`);
            }
            return problems;
        }
        """);

    /// <summary>HR starts the usual pairing; the engine sends the action plan invites.</summary>
    public static async Task<string> StartPairingAsync(RunningApp app)
    {
        using var hr = app.Client();
        using var created = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        created.EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        return (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString()!;
    }

    /// <summary>Both sign the action plan through their emailed links; the engine then runs the year's next step.</summary>
    public static async Task SignPlanAsync(RunningApp app, Browser browser)
    {
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("ActionPlanInvite", "Mentor").ToString());
        await FillPlanAsync(mentor);
        await mentor.ClickAsync("button[type=submit]");
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("ActionPlanInvite", "Mentee").ToString());
        await mentee.FillAsync("#Form_SignatureName", "Sam Okafor");
        await mentee.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();
    }

    /// <summary>The mentor fills in the schedule (Thursdays, 15:30, 45 minutes, Room 12); the engine sends the invites.</summary>
    public static async Task ScheduleAsync(RunningApp app, Browser browser)
    {
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("ScheduleRequest", "Mentor").ToString());
        await mentor.SelectOptionAsync("#Schedule_Weekday", "Thursday");
        await mentor.FillAsync("#Schedule_StartTime", "15:30");
        await mentor.FillAsync("#Schedule_Place", "Room 12");
        await mentor.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();
    }

    /// <summary>The pair signs the plan and fills in the schedule; the clock then reaches the program's midpoint (22 January), which sends the midyear check.</summary>
    public static async Task AtMidyearAsync(RunningApp app, Browser browser)
    {
        await SignPlanAsync(app, browser);
        await ScheduleAsync(app, browser);
        await AdvanceAsync(app, 144);
    }

    /// <summary>The coordinator signs in with their key and lands on <paramref name="path"/>, in a page <paramref name="width"/> px wide.</summary>
    public static async Task<IPage> CoordinatorOnAsync(RunningApp app, Browser browser, string path, int width = 1280)
    {
        var page = await browser.PageAsync(width);
        await page.GotoAsync(new Uri(app.BaseAddress, $"/staff/sign-in?ReturnUrl={path}").ToString());
        await page.FillAsync("#Key", RunningApp.Keys[MentorFlow.Functions.Staff.StaffRole.Coordinator]);
        await page.ClickAsync("button[type=submit]");
        return page;
    }

    /// <summary>Moves the app's virtual clock on, then runs what became due.</summary>
    public static async Task AdvanceAsync(RunningApp app, int days)
    {
        using var hr = app.Client();
        (await hr.PostAsJsonAsync("/api/clock/advance", new { days })).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
    }

    /// <summary>Every named field of the page's form with its current value, the antiforgery token among them.</summary>
    public static async Task<Dictionary<string, string>> FormFieldsAsync(IPage page) =>
        await page.EvalOnSelectorAsync<Dictionary<string, string>>("form",
            "f => Object.fromEntries([...new FormData(f).entries()].map(([k, v]) => [k, String(v)]))");

    /// <summary>Posts <paramref name="fields"/> again, as a double tap or a stale tab would, with the page's cookies.</summary>
    public static async Task<string> PostAgainAsync(IPage page, string url, Dictionary<string, string> fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        var response = await page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions { Form = form, MaxRedirects = 5 });
        return await response.TextAsync();
    }
}
