using System.Text;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Csv;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Hires;

/// <summary>HR's roster of beginning educators for a district year: send it (CSV, replacing the one before), read what was sent.</summary>
public sealed class HireFunctions(HireImport import)
{
    /// <summary><c>PUT /api/hires/{districtId}/{programYear}</c>: HR sends the year's roster as CSV, whole or not at all.</summary>
    [Function("SendHireRoster")]
    public Task<IActionResult> Send(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/hires/{districtId}/{programYear}")] HttpRequest request, string districtId, string programYear,
        CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.Hr, () => SendAsync(request, districtId, programYear, import, cancellationToken));

    /// <summary><c>GET /api/hires/{districtId}/{programYear}</c>: what HR last sent for the year, beside the year's pairings.</summary>
    [Function("GetHireRoster")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/hires/{districtId}/{programYear}")] HttpRequest request, string districtId, string programYear,
        CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.Hr, async () => await import.FindAsync(districtId, programYear, cancellationToken) is { } report
            ? Results.Ok(report)
            : ApiProblem.Status(StatusCodes.Status404NotFound, "No roster sent",
                $"HR has sent no roster of beginning educators for this district and year; send it with PUT /api/hires/{{districtId}}/{{programYear}}."));

    private static async Task<IResult> SendAsync(HttpRequest request, string districtId, string programYear, HireImport import, CancellationToken cancellationToken)
    {
        var (body, problem) = await CsvUpload.ReadAsync(request, PairingFunctions.MaxCsvBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (saved, errors) = await import.SaveAsync(districtId, programYear, new UTF8Encoding(false).GetString(body!), cancellationToken);
        return saved is null
            ? ApiProblem.Invalid(errors, title: "The roster has rows to fix; nothing from it was saved.")
            : Results.Ok(saved);
    }
}
