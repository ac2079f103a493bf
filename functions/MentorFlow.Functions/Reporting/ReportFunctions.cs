using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Staff;
using MentorFlow.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Reporting;

/// <summary>The analyst functions: the workbooks and Power BI files of a program year, and a refresh on demand.</summary>
public sealed class ReportFunctions(DistrictDirectory districts, IReportFiles files, ReportRefresh refresh)
{
    /// <summary><c>GET /api/reports/{programYear}/districts/{districtId}.xlsx</c>: a district's workbook.</summary>
    [Function("DistrictWorkbook")]
    public Task<IActionResult> DistrictWorkbook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{programYear}/districts/{districtId}.xlsx")] HttpRequest request,
        string programYear, string districtId, CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.Reports, async () =>
            ProgramYearName.IsValid(programYear) && districts.Find(districtId) is not null
                ? await FileOr404(files, YearOutputs.DistrictWorkbookPath(programYear, districtId), $"{districtId}-{programYear}.xlsx", programYear, cancellationToken)
                : NotFound(programYear, districtId));

    /// <summary><c>GET /api/reports/{programYear}/state.xlsx</c>: the state induction report.</summary>
    [Function("StateWorkbook")]
    public Task<IActionResult> StateWorkbook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{programYear}/state.xlsx")] HttpRequest request, string programYear,
        CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.Reports, async () =>
            ProgramYearName.IsValid(programYear)
                ? await FileOr404(files, YearOutputs.StateWorkbookPath(programYear), $"state-{programYear}.xlsx", programYear, cancellationToken)
                : NotFound(programYear, null));

    /// <summary><c>GET /api/reports/{programYear}/powerbi/{file}</c>: the manifest, or a file it lists.</summary>
    [Function("PowerBiFile")]
    public Task<IActionResult> PowerBiFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{programYear}/powerbi/{file}")] HttpRequest request, string programYear,
        string file, CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.Reports, () => PowerBiFileAsync(programYear, file, cancellationToken));

    /// <summary><c>POST /api/reports/{programYear}/refresh</c>: writes the year's reports now.</summary>
    [Function("RefreshReports")]
    public Task<IActionResult> Refresh(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{programYear}/refresh")] HttpRequest request, string programYear,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken)
    {
        // The refresh reads every year's outcome through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(engine);
        return request.ForStaffAsync(StaffPolicies.Reports, async () =>
            ProgramYearName.IsValid(programYear)
                ? Results.Ok(await refresh.RunAsync(programYear, cancellationToken))
                : ApiProblem.Invalid([new FieldError("programYear", ProgramYearName.Expected)]));
    }

    private async Task<IResult> PowerBiFileAsync(string programYear, string file, CancellationToken cancellationToken)
    {
        // Only the manifest and the files it lists are served: nothing else in the folder can be named.
        if (!ProgramYearName.IsValid(programYear))
        {
            return NotFound(programYear, null);
        }

        var manifestPath = Path.Combine(YearOutputs.PowerBiFolder(programYear), "manifest.json");
        if (file == "manifest.json")
        {
            return await FileOr404(files, manifestPath, file, programYear, cancellationToken);
        }

        await using var manifest = await files.OpenReadAsync(manifestPath, cancellationToken);
        if (manifest is null)
        {
            return NotWrittenYet(programYear);
        }

        using var tables = await System.Text.Json.JsonDocument.ParseAsync(manifest.Content, cancellationToken: cancellationToken);
        var listed = tables.RootElement.GetProperty("tables").EnumerateArray()
            .Any(t => t.GetProperty("parquet").GetString() == file || t.GetProperty("csv").GetString() == file);
        return listed
            ? await FileOr404(files, Path.Combine(YearOutputs.PowerBiFolder(programYear), file), file, programYear, cancellationToken)
            : NotFound(programYear, file);
    }

    private static async Task<IResult> FileOr404(IReportFiles files, string relative, string downloadName, string programYear, CancellationToken cancellationToken) =>
        await files.OpenReadAsync(relative, cancellationToken) is { } file
            // The response streams the file and disposes of the stream when it is sent.
            ? Results.Stream(file.Content, file.ContentType, downloadName, file.LastModified)
            : NotWrittenYet(programYear);

    private static IResult NotWrittenYet(string programYear) => ApiProblem.Status(StatusCodes.Status404NotFound, "Not written yet",
        $"The {programYear} reports have not been written yet. They refresh nightly; POST /api/reports/{programYear}/refresh writes them now.");

    private static IResult NotFound(string programYear, string? districtId) => ApiProblem.Status(StatusCodes.Status404NotFound, "No such report",
        districtId is null ? $"'{programYear}' is not a program year; write it like 2026-2027." : $"There is no report for district '{districtId}' in '{programYear}'.");
}
