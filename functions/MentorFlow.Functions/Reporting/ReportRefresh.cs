using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Hosting;
using MentorFlow.Reports;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Input;

namespace MentorFlow.Functions.Reporting;

/// <summary>What a refresh wrote.</summary>
/// <param name="ProgramYear">The program year.</param>
/// <param name="Outputs">Each output with its files and time.</param>
/// <param name="Elapsed">How long it took, reading included.</param>
public sealed record RefreshReport(string ProgramYear, IReadOnlyList<OutputTiming> Outputs, TimeSpan Elapsed);

/// <summary>
/// Refreshes a program year's outputs (see <see cref="YearOutputs"/>) under the reports folder. A plain handler: the
/// nightly job, the refresh endpoint and (in Azure) a timer trigger all call it. Progress is logged per district.
/// </summary>
public sealed partial class ReportRefresh(ReportYearReader reader, DistrictDirectory districts, EmbeddedFolders folders, IReportDocumentWriter documents, ILogger<ReportRefresh> logger)
{
    /// <summary>Writes every output of <paramref name="programYear"/>.</summary>
    public async Task<RefreshReport> RunAsync(string programYear, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var years = new List<DistrictYear>();
        foreach (var (districtId, _) in districts.All)
        {
            years.Add(await reader.ReadAsync(districtId, programYear, cancellationToken));
        }

        var outputs = await YearOutputs.WriteAsync(programYear, years, folders.Reports, documents, line => LogProgress(programYear, line), cancellationToken);
        LogDone(programYear, started.Elapsed.TotalSeconds);
        return new RefreshReport(programYear, outputs, started.Elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: {Progress}")]
    private partial void LogProgress(string programYear, string progress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: refreshed in {Seconds:0.0} s")]
    private partial void LogDone(string programYear, double seconds);
}
