using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Pairings;

/// <summary>A CSV file of pairings read and checked against the program's rules, before anything from it is saved.</summary>
/// <param name="Rows">Each pairing row with its line in the file.</param>
/// <param name="Errors">Every problem of the file, each naming its line and column; the file imports only when there is none.</param>
public sealed record PairingImportPreview(IReadOnlyList<(int Line, PairingRequest Request)> Rows, IReadOnlyList<FieldError> Errors)
{
    /// <summary>The pairings to start, in file order.</summary>
    public IReadOnlyList<StartPairing> Requests => [.. Rows.Select(r => new StartPairing(r.Request))];
}

/// <summary>HR's CSV import, shared by the API and the HR page: read and check every row first, then start them all or none.</summary>
public sealed class PairingImport(PairingIntake intake)
{
    /// <summary>Reads <paramref name="csv"/> and checks every row against the program's rules; saves nothing.</summary>
    public async Task<PairingImportPreview> PreviewAsync(string csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var text = new StringReader(csv.TrimStart('\uFEFF'));
        var (rows, readErrors) = PairingCsv.Read(text);
        var preview = new PairingImportPreview(rows, readErrors);
        // Every problem of the file at once: values that do not read, and rows that break a program rule.
        var ruleErrors = await intake.CheckAsync(preview.Requests, cancellationToken);
        return preview with { Errors = [.. readErrors, .. ruleErrors.Select(e => At(rows, e))] };
    }

    /// <summary>Starts every pairing of a preview without errors; all or nothing. Errors found only now are returned by line and column.</summary>
    public async Task<(StartedPairings? Started, IReadOnlyList<FieldError> Errors)> ImportAsync(PairingImportPreview preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var (started, errors) = await intake.StartAsync(preview.Requests, cancellationToken);
        return (started, [.. errors.Select(e => At(preview.Rows, e))]);
    }

    private static FieldError At(IReadOnlyList<(int Line, PairingRequest Request)> rows, (int Index, FieldError Error) error) =>
        new($"line {rows[error.Index].Line}, {PairingCsv.ColumnFor(error.Error.Field)}", error.Error.Message);
}
