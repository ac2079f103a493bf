using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Reporting;
using MentorFlow.Functions.Staff;
using MentorFlow.Reports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Reports;

/// <summary>One file an analyst downloads: what it is, where, and when it was written (null: not written yet).</summary>
/// <param name="Title">What the file is, in words.</param>
/// <param name="Href">Where it downloads from.</param>
/// <param name="WrittenAt">When the last refresh wrote it.</param>
public sealed record ReportFileView(string Title, string Href, DateTimeOffset? WrittenAt);

/// <summary>A program year's files.</summary>
/// <param name="ProgramYear">The program year, e.g. 2026-2027.</param>
/// <param name="Files">Its workbooks and the Power BI manifest.</param>
public sealed record ReportYearView(string ProgramYear, IReadOnlyList<ReportFileView> Files);

/// <summary>What the reports page shows.</summary>
/// <param name="Years">Every program year the districts are in.</param>
/// <param name="Notice">What the last refresh did, once.</param>
/// <param name="FormToken">The antiforgery token the refresh form posts.</param>
public sealed record ReportsView(IReadOnlyList<ReportYearView> Years, string? Notice, string? FormToken);

/// <summary>
/// The analysts' page (<c>/reports</c>): each program year's district and state workbooks and Power BI files with when
/// each was written, and a refresh button. Analysts and coordinators, signed in.
/// </summary>
public sealed class ReportsPage(PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, DistrictDirectory districts, IReportFiles files, ReportRefresh refresh)
{
    /// <summary><c>GET /reports</c>: the files and when each was written.</summary>
    [Function("ReportsPage")]
    public async Task<IActionResult> Reports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "reports")] HttpRequest request, CancellationToken cancellationToken) =>
        (await GetAsync(request, cancellationToken)).AsAction();

    /// <summary><c>POST /reports</c>: writes one program year's reports now.</summary>
    [Function("ReportsPagePost")]
    public async Task<IActionResult> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports")] HttpRequest request, [DurableClient] DurableTaskClient bound,
        CancellationToken cancellationToken)
    {
        // The refresh reads every year's outcome through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await PostAsync(request, cancellationToken)).AsAction();
    }

    /// <summary>Shows each program year's files.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        if (await StaffAccess.CheckAsync(context, StaffPolicies.Reports) is { } refused)
        {
            return refused;
        }

        var years = new List<ReportYearView>();
        foreach (var year in districts.ProgramYears)
        {
            var wanted = districts.All.Where(d => districts.Find(d.Id)?.ProgramYear == year)
                .Select(d => ($"{d.Name}: district workbook", YearOutputs.DistrictWorkbookPath(year, d.Id), $"/api/reports/{year}/districts/{d.Id}.xlsx"))
                .Append(("State report workbook", YearOutputs.StateWorkbookPath(year), $"/api/reports/{year}/state.xlsx"))
                .Append(("Power BI files (manifest)", Path.Combine(YearOutputs.PowerBiFolder(year), "manifest.json"), $"/api/reports/{year}/powerbi/manifest.json"));
            var shown = new List<ReportFileView>();
            foreach (var (title, path, href) in wanted)
            {
                await using var file = await files.OpenReadAsync(path, cancellationToken);
                shown.Add(new ReportFileView(title, href, file?.LastModified));
            }

            years.Add(new ReportYearView(year, shown));
        }

        var token = antiforgery.GetAndStoreTokens(context).RequestToken;
        return await pages.RenderAsync<ReportsList, ReportsView>(context, "Reports", new ReportsView(years, notices.Take(context), token));
    }

    /// <summary>Refreshes the posted program year (one the districts are in), then shows the page again.</summary>
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var (form, refused) = await StaffAccess.ReadFormAsync(request, StaffPolicies.Reports, cancellationToken);
        if (form is null)
        {
            return refused!;
        }

        var year = form["programYear"].ToString();
        if (!districts.ProgramYears.Contains(year, StringComparer.Ordinal))
        {
            notices.Keep(context, "That is not a program year the districts are in; choose one on this page.");
            return TypedResults.Redirect("/reports");
        }

        await refresh.RunAsync(year, cancellationToken);
        notices.Keep(context, $"The {year} reports were written just now.");
        return TypedResults.Redirect("/reports");
    }
}
