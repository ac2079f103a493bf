using System.Text;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pages.Hr;

/// <summary>One pairing of an uploaded file, as the preview shows it.</summary>
/// <param name="Line">Its line in the file.</param>
/// <param name="Mentee">The mentee's name.</param>
/// <param name="Mentor">The mentor's name.</param>
/// <param name="School">The school.</param>
/// <param name="StartsOn">The first day of the pairing.</param>
public sealed record ImportRowView(int Line, string Mentee, string Mentor, string School, DateOnly StartsOn);

/// <summary>What the import page shows: the upload form, or a file's preview with every error, or what an import did.</summary>
/// <param name="Rows">The pairings the uploaded file would start.</param>
/// <param name="Errors">Every problem of the file by line and column; nothing imports while there is one.</param>
/// <param name="Csv">The previewed file, posted back when HR confirms.</param>
/// <param name="FileError">Why no file could be read, beside the file field.</param>
/// <param name="Notice">What the last import did, once.</param>
/// <param name="FormToken">The antiforgery token the forms post.</param>
public sealed record PairingImportView(
    IReadOnlyList<ImportRowView> Rows, IReadOnlyList<FieldError> Errors, string? Csv, string? FileError, string? Notice, string? FormToken);

/// <summary>
/// HR's import page (<c>/hr/import</c>): upload the CSV file, see every pairing it would start and every error by line and
/// column before anything is saved, then import it all at once.
/// </summary>
public sealed class PairingImportPage(PageRenderer pages, PageNotice notices, IAntiforgery antiforgery, PairingImport import, StaffActionLogging actions)
{
    /// <summary><c>GET /hr/import</c>: the upload form.</summary>
    [Function("PairingImportPage")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "hr/import")] HttpRequest request) =>
        (await GetAsync(request)).AsAction();

    /// <summary><c>POST /hr/import</c>: a file to preview, or a previewed file to import.</summary>
    [Function("PairingImportPagePost")]
    public async Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "hr/import")] HttpRequest request, [DurableClient] DurableTaskClient bound,
        CancellationToken cancellationToken)
    {
        // The import starts the years through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(bound);
        return (await PostAsync(request, cancellationToken)).AsAction();
    }

    /// <summary>Shows the upload form.</summary>
    public async Task<IResult> GetAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await StaffAccess.CheckAsync(request.HttpContext, StaffPolicies.Hr) is { } refused)
        {
            return refused;
        }

        return await ShowAsync(request.HttpContext, [], [], null, null, StatusCodes.Status200OK);
    }

    /// <summary>Previews an uploaded file, or imports a previewed one when HR confirms.</summary>
    public async Task<IResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var (form, refused) = await StaffAccess.ReadFormAsync(request, StaffPolicies.Hr, cancellationToken);
        if (form is null)
        {
            return refused!;
        }

        if (form["confirm"] == "import" && form["csv"].ToString() is { Length: > 0 } confirmed)
        {
            return await ImportAsync(context, confirmed, cancellationToken);
        }

        if (form.Files["file"] is not { Length: > 0 } file)
        {
            return await ShowAsync(context, [], [], null, "Choose the CSV file to upload (the columns are listed below).", StatusCodes.Status400BadRequest);
        }

        if (file.Length > PairingFunctions.MaxCsvBytes)
        {
            return await ShowAsync(context, [], [], null, $"The file is larger than {PairingFunctions.MaxCsvBytes / 1024 / 1024} MB; split it and upload each part.", StatusCodes.Status400BadRequest);
        }

        using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false));
        var csv = await reader.ReadToEndAsync(cancellationToken);
        var preview = await import.PreviewAsync(csv, cancellationToken);
        return await ShowAsync(context, preview.Rows, preview.Errors, preview.Errors.Count == 0 ? csv : null, null,
            preview.Errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<IResult> ImportAsync(HttpContext context, string csv, CancellationToken cancellationToken)
    {
        // Checked again as it is imported: the file came back from the browser, and the records may have moved since.
        var preview = await import.PreviewAsync(csv, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            return await ShowAsync(context, preview.Rows, preview.Errors, null, null, StatusCodes.Status422UnprocessableEntity);
        }

        var (started, errors) = await import.ImportAsync(preview, cancellationToken);
        if (started is null)
        {
            return await ShowAsync(context, preview.Rows, errors, null, null, StatusCodes.Status422UnprocessableEntity);
        }

        await actions.RecordAsync(context.User, started.Pairings.Where(p => p.Created).Select(p => p.Record.Pairing.PairingId),
            StaffActionLogging.Imported, null, cancellationToken);
        var created = started.Pairings.Count(p => p.Created);
        notices.Keep(context, $"Imported: {created} new pairings started, {started.Pairings.Count - created} were already there.");
        return TypedResults.Redirect("/hr/import");
    }

    private Task<IResult> ShowAsync(
        HttpContext context, IReadOnlyList<(int Line, PairingRequest Request)> rows, IReadOnlyList<FieldError> errors, string? csv, string? fileError, int status) =>
        pages.RenderAsync<PairingImportForm, PairingImportView>(context, "Import pairings", new PairingImportView(
            [.. rows.Select(r => new ImportRowView(r.Line, r.Request.Mentee.Name, r.Request.Mentor.Name, r.Request.School, r.Request.StartsOn))],
            errors, csv, fileError, notices.Take(context), antiforgery.GetAndStoreTokens(context).RequestToken), status);
}
