using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Staff;
using MentorFlow.Reports;

namespace MentorFlow.Functions.Reporting;

/// <summary>The analyst endpoints: the workbooks of a program year, and a refresh on demand.</summary>
public static class ReportEndpoints
{
    /// <summary>Maps the routes under <c>/api/reports</c>.</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/reports/{programYear}").RequireAuthorization(StaffPolicies.Reports);
        reports.MapGet("/districts/{districtId}.xlsx", async (string programYear, string districtId, DistrictDirectory districts, IReportFiles files, CancellationToken cancellationToken) =>
            ProgramYearName.IsValid(programYear) && districts.Find(districtId) is not null
                ? await FileOr404(files, YearOutputs.DistrictWorkbookPath(programYear, districtId), $"{districtId}-{programYear}.xlsx", programYear, cancellationToken)
                : NotFound(programYear, districtId));
        reports.MapGet("/state.xlsx", async (string programYear, IReportFiles files, CancellationToken cancellationToken) =>
            ProgramYearName.IsValid(programYear)
                ? await FileOr404(files, YearOutputs.StateWorkbookPath(programYear), $"state-{programYear}.xlsx", programYear, cancellationToken)
                : NotFound(programYear, null));
        reports.MapGet("/powerbi/{file}", async (string programYear, string file, IReportFiles files, CancellationToken cancellationToken) =>
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
        });
        reports.MapPost("/refresh", async (string programYear, ReportRefresh refresh, CancellationToken cancellationToken) =>
            ProgramYearName.IsValid(programYear)
                ? Results.Ok(await refresh.RunAsync(programYear, cancellationToken))
                : ApiProblem.Invalid([new FieldError("programYear", ProgramYearName.Expected)]));
        return routes;
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
