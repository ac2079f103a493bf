using System.Globalization;
using System.Text;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Hires;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Staff;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Functions.Pages.Hr;

/// <summary>One district year on the roster page: what HR last sent, or that nothing was.</summary>
/// <param name="DistrictId">The district.</param>
/// <param name="DistrictName">Its name.</param>
/// <param name="ProgramYear">The program year.</param>
/// <param name="Sent">What was sent, or null.</param>
public sealed record HireRosterYearView(string DistrictId, string DistrictName, string ProgramYear, HireRosterReport? Sent);

/// <summary>What the roster page shows: each district year's roster, the upload form, and a file's errors.</summary>
/// <param name="Years">The district years HR sends rosters for: this year's (hiring) and last year's (who stayed).</param>
/// <param name="Errors">Every problem of the uploaded file by line and column; nothing was saved.</param>
/// <param name="DistrictId">The district chosen in the form.</param>
/// <param name="ProgramYear">The year chosen in the form.</param>
/// <param name="Notice">What the last upload did, once.</param>
/// <param name="FormToken">The antiforgery token the form posts.</param>
public sealed record HireRosterView(
    IReadOnlyList<HireRosterYearView> Years, IReadOnlyList<FieldError> Errors, string? DistrictId, string? ProgramYear, string? Notice, string? FormToken);

/// <summary>
/// HR's roster page (<c>/hr/hires</c>): upload the CSV roster of the beginning educators hired for a district year (the
/// state report's hiring figures), and again the next October with who is still employed (retention into the next year).
/// </summary>
public sealed class HireRosterPage(PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, HireImport import, DistrictDirectory districts)
{
    /// <summary><c>GET /hr/hires</c>: each district year's roster and the upload form.</summary>
    [Function("HireRosterPage")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "hr/hires")] HttpRequest request, CancellationToken cancellationToken) =>
        (await GetAsync(request, cancellationToken)).AsAction();

    /// <summary><c>POST /hr/hires</c>: a roster to save in place of the district year's one before.</summary>
    [Function("HireRosterPagePost")]
    public async Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "hr/hires")] HttpRequest request, CancellationToken cancellationToken) =>
        (await PostAsync(request, cancellationToken)).AsAction();

    /// <summary>Shows the rosters and the upload form.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await StaffAccess.CheckAsync(request.HttpContext, StaffPolicies.Hr) is { } refused)
        {
            return refused;
        }

        return await ShowAsync(request.HttpContext, [], null, null, StatusCodes.Status200OK, cancellationToken);
    }

    /// <summary>Saves an uploaded roster, or shows every error of it with nothing saved.</summary>
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var (form, refused) = await StaffAccess.ReadFormAsync(request, StaffPolicies.Hr, cancellationToken);
        if (form is null)
        {
            return refused!;
        }

        var (districtId, programYear) = (form["districtId"].ToString(), form["programYear"].ToString());
        if (form.Files["file"] is not { Length: > 0 } file)
        {
            return await ShowAsync(context, [new FieldError("file", "choose the CSV file of the roster to upload (the columns are listed below).")],
                districtId, programYear, StatusCodes.Status400BadRequest, cancellationToken);
        }

        if (file.Length > PairingFunctions.MaxCsvBytes)
        {
            return await ShowAsync(context, [new FieldError("file", $"the file is larger than {PairingFunctions.MaxCsvBytes / 1024 / 1024} MB; send one district's roster at a time.")],
                districtId, programYear, StatusCodes.Status400BadRequest, cancellationToken);
        }

        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false));
        var (saved, errors) = await import.SaveAsync(districtId, programYear, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        if (saved is null)
        {
            return await ShowAsync(context, errors, districtId, programYear, StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        notices.Keep(context, string.Create(CultureInfo.InvariantCulture,
            $"Saved the {saved.ProgramYear} roster of {districts.Options(saved.DistrictId)?.Name}: {saved.Hires} beginning educators, {saved.NextYearAnswered} with next year's answer."));
        return TypedResults.Redirect("/hr/hires");
    }

    private async Task<IResult> ShowAsync(
        HttpContext context, IReadOnlyList<FieldError> errors, string? districtId, string? programYear, int status, CancellationToken cancellationToken)
    {
        var years = new List<HireRosterYearView>();
        foreach (var (id, name) in districts.All)
        {
            var current = districts.Find(id)!.YearStart.Year;
            foreach (var start in new[] { current, current - 1 })
            {
                var year = string.Create(CultureInfo.InvariantCulture, $"{start}-{start + 1}");
                years.Add(new HireRosterYearView(id, name, year, await import.FindAsync(id, year, cancellationToken)));
            }
        }

        return await pages.RenderAsync<HireRosterForm, HireRosterView>(context, "Rosters of hires",
            new HireRosterView(years, errors, districtId, programYear, notices.Take(context), antiforgery.GetAndStoreTokens(context).RequestToken), status);
    }
}
