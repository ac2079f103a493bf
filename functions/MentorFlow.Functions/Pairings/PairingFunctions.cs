using System.Text;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Csv;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.StaffActions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Pairings;

/// <summary>HR's pairing functions: start one (JSON), import many (CSV), read one, end one early.</summary>
public sealed class PairingFunctions(PairingIntake intake, PairingImport import, IPairingRecords records, PairingEnding ending, StaffActionLogging actions)
{
    /// <summary>The largest JSON body accepted.</summary>
    public const int MaxJsonBytes = 64 * 1024;

    /// <summary>The largest CSV file accepted.</summary>
    public const int MaxCsvBytes = 5 * 1024 * 1024;

    /// <summary><c>POST /api/pairings</c>: HR starts a pairing (JSON); an <c>Idempotency-Key</c> makes a repeat harmless.</summary>
    [Function("StartPairing")]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pairings")] HttpRequest request, [DurableClient] DurableTaskClient engine,
        CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.Hr, () => StartAsync(request, intake, engine, actions, cancellationToken));

    /// <summary><c>POST /api/pairings/import</c>: HR imports a CSV file of pairings, all or nothing.</summary>
    [Function("ImportPairings")]
    public Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pairings/import")] HttpRequest request, [DurableClient] DurableTaskClient engine,
        CancellationToken cancellationToken)
    {
        // The intake starts the years through the engine client bound to this invocation.
        ArgumentNullException.ThrowIfNull(engine);
        return request.ForStaffAsync(StaffPolicies.Hr, () => ImportAsync(request, import, actions, cancellationToken));
    }

    /// <summary><c>GET /api/pairings/{pairingId}</c>: a pairing and where its year stands.</summary>
    [Function("GetPairing")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pairings/{pairingId}")] HttpRequest request, string pairingId,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.HrOrCoordinator, () => GetAsync(pairingId, records, engine, cancellationToken));

    /// <summary><c>POST /api/pairings/{pairingId}/end</c>: HR or the coordinator ends a pairing early.</summary>
    [Function("EndPairing")]
    public Task<IActionResult> End(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/pairings/{pairingId}/end")] HttpRequest request, string pairingId,
        [DurableClient] DurableTaskClient engine, CancellationToken cancellationToken) =>
        request.ForStaffAsync(StaffPolicies.HrOrCoordinator, () => EndAsync(pairingId, request, ending, engine, cancellationToken));

    private static async Task<IResult> StartAsync(
        HttpRequest request, PairingIntake intake, DurableTaskClient engine, StaffActionLogging actions, CancellationToken cancellationToken)
    {
        var (body, problem) = await StrictJson.ReadAsync<PairingRequest>(request, MaxJsonBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (PairingTextLimits.Check(body!) is { Count: > 0 } overLimits)
        {
            return ApiProblem.Invalid(overLimits);
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            return ApiProblem.Invalid([new FieldError("Idempotency-Key", "must be at most 200 characters.")]);
        }

        var (started, errors) = await intake.StartAsync([new StartPairing(body!, key.Length == 0 ? null : key)], cancellationToken);
        if (started is null)
        {
            return ApiProblem.Invalid(errors.Select(e => e.Error));
        }

        var (record, created) = started.Pairings[0];
        if (created)
        {
            await actions.RecordAsync(request.HttpContext.User, record.Pairing.PairingId, StaffActionLogging.Started, null, cancellationToken);
        }

        var view = PairingView.Of(record, await engine.GetInstanceAsync(record.Pairing.PairingId, getInputsAndOutputs: true, cancellationToken));
        return created
            ? Results.Created($"/api/pairings/{record.Pairing.PairingId}", view)
            : Results.Ok(view);
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, PairingImport import, StaffActionLogging actions, CancellationToken cancellationToken)
    {
        var (body, problem) = await CsvUpload.ReadAsync(request, MaxCsvBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var preview = await import.PreviewAsync(new UTF8Encoding(false).GetString(body!), cancellationToken);
        if (preview.Errors.Count > 0)
        {
            return ApiProblem.Invalid(preview.Errors, title: "The file has rows to fix; nothing from it was imported.");
        }

        var (started, startErrors) = await import.ImportAsync(preview, cancellationToken);
        if (started is null)
        {
            return ApiProblem.Invalid(startErrors, title: "The file has rows to fix; nothing from it was imported.");
        }

        await actions.RecordAsync(request.HttpContext.User, started.Pairings.Where(p => p.Created).Select(p => p.Record.Pairing.PairingId),
            StaffActionLogging.Imported, null, cancellationToken);
        var rows = preview.Rows;
        var lines = started.Pairings.Select((p, i) => new ImportedRow(rows[i].Line, p.Record.Pairing.PairingId)).ToList();
        var created = lines.Where((_, i) => started.Pairings[i].Created).ToList();
        var existing = lines.Where((_, i) => !started.Pairings[i].Created).ToList();
        return Results.Ok(new ImportReport(rows.Count, created.Count, existing.Count, created, existing));
    }

    private static async Task<IResult> GetAsync(string pairingId, IPairingRecords records, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        if (await records.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return NotFound(pairingId);
        }

        return Results.Ok(PairingView.Of(record, await engine.GetInstanceAsync(pairingId, getInputsAndOutputs: true, cancellationToken)));
    }

    private static async Task<IResult> EndAsync(
        string pairingId, HttpRequest request, PairingEnding ending, DurableTaskClient engine, CancellationToken cancellationToken)
    {
        if (await ending.FindAsync(pairingId, cancellationToken) is not { } record)
        {
            return NotFound(pairingId);
        }

        var (body, problem) = await StrictJson.ReadAsync<SeparationRequest>(request, MaxJsonBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var ended = await ending.EndAsync(record, body!, request.HttpContext.User, cancellationToken);

        if (ended.Errors.Count > 0)
        {
            return ApiProblem.Invalid(ended.Errors);
        }

        return ended.Earlier is { } earlier
            ? ApiProblem.Status(StatusCodes.Status409Conflict, "The pairing has already ended",
                $"It ended on {earlier.EndedOn:yyyy-MM-dd} ({earlier.Reason}). Ask the coordinator to correct it if that was wrong.")
            : Results.Ok(PairingView.Of(ended.Record, await engine.GetInstanceAsync(pairingId, getInputsAndOutputs: true, cancellationToken)));
    }

    private static IResult NotFound(string pairingId) => ApiProblem.Status(StatusCodes.Status404NotFound, "No such pairing",
        $"No pairing has the id '{pairingId}'. Pairing ids are returned by POST /api/pairings and the import.");
}

/// <summary>One imported row: its line in the file and the pairing it names.</summary>
/// <param name="Line">The line in the CSV file.</param>
/// <param name="PairingId">The pairing.</param>
public sealed record ImportedRow(int Line, string PairingId);

/// <summary>What an import did.</summary>
/// <param name="Rows">Pairing rows in the file.</param>
/// <param name="CreatedCount">Pairings created.</param>
/// <param name="ExistingCount">Rows naming a pairing that already existed (nothing changed for them).</param>
/// <param name="Created">The created pairings.</param>
/// <param name="Existing">The existing pairings.</param>
public sealed record ImportReport(int Rows, int CreatedCount, int ExistingCount, IReadOnlyList<ImportedRow> Created, IReadOnlyList<ImportedRow> Existing);
