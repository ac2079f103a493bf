using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Staff;
using MentorFlow.Reports;

namespace MentorFlow.Functions.Reporting;

/// <summary>The analyst endpoints: the workbooks of a program year, and a refresh on demand.</summary>
public static class ReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps the routes under <c>/api/reports</c>.</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/reports/{programYear}").RequireAuthorization(StaffPolicies.Reports);
        reports.MapGet("/districts/{districtId}.xlsx", (string programYear, string districtId, DistrictDirectory districts, EmbeddedFolders folders) =>
            ProgramYearName.IsValid(programYear) && districts.Find(districtId) is not null
                ? FileOr404(folders, YearOutputs.DistrictWorkbookPath(programYear, districtId), $"{districtId}-{programYear}.xlsx", programYear)
                : NotFound(programYear, districtId));
        reports.MapGet("/state.xlsx", (string programYear, EmbeddedFolders folders) =>
            ProgramYearName.IsValid(programYear)
                ? FileOr404(folders, YearOutputs.StateWorkbookPath(programYear), $"state-{programYear}.xlsx", programYear)
                : NotFound(programYear, null));
        reports.MapGet("/powerbi/{file}", (string programYear, string file, EmbeddedFolders folders) =>
        {
            // Only the manifest and the files it lists are served: nothing else in the folder can be named.
            var folder = Path.Combine(folders.Reports, YearOutputs.PowerBiFolder(programYear));
            var manifestPath = Path.Combine(folder, "manifest.json");
            if (!ProgramYearName.IsValid(programYear))
            {
                return NotFound(programYear, null);
            }

            if (!File.Exists(manifestPath))
            {
                return FileOr404(folders, Path.Combine(YearOutputs.PowerBiFolder(programYear), "manifest.json"), file, programYear);
            }

            var listed = file == "manifest.json" || System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifestPath)).RootElement.GetProperty("tables").EnumerateArray()
                .Any(t => t.GetProperty("parquet").GetString() == file || t.GetProperty("csv").GetString() == file);
            return listed
                ? Results.File(Path.Combine(folder, file), file.EndsWith(".json", StringComparison.Ordinal) ? "application/json"
                    : file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet", file)
                : NotFound(programYear, file);
        });
        reports.MapPost("/refresh", async (string programYear, ReportRefresh refresh, CancellationToken cancellationToken) =>
            ProgramYearName.IsValid(programYear)
                ? Results.Ok(await refresh.RunAsync(programYear, cancellationToken))
                : ApiProblem.Invalid([new FieldError("programYear", ProgramYearName.Expected)]));
        return routes;
    }

    private static IResult FileOr404(EmbeddedFolders folders, string relative, string downloadName, string programYear)
    {
        var path = Path.Combine(folders.Reports, relative);
        return File.Exists(path)
            ? Results.File(path, Xlsx, downloadName)
            : ApiProblem.Status(StatusCodes.Status404NotFound, "Not written yet",
                $"The {programYear} reports have not been written yet. They refresh nightly; POST /api/reports/{programYear}/refresh writes them now.");
    }

    private static IResult NotFound(string programYear, string? districtId) => ApiProblem.Status(StatusCodes.Status404NotFound, "No such report",
        districtId is null ? $"'{programYear}' is not a program year; write it like 2026-2027." : $"There is no report for district '{districtId}' in '{programYear}'.");
}
