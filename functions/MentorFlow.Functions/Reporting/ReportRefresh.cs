using MentorFlow.Functions.Districts;
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
/// Refreshes a program year's outputs (see <see cref="YearOutputs"/>) in the report files: written in place in the reports
/// folder, or, for Blob Storage, written whole into a staging folder first and then published (see <see cref="ReportPublisher"/>).
/// A plain handler: the nightly job, the refresh endpoint and (in Azure) a timer trigger all call it. Progress is logged per district.
/// </summary>
public sealed partial class ReportRefresh(ReportYearReader reader, DistrictDirectory districts, IReportFiles files, IReportDocumentWriter documents, ILogger<ReportRefresh> logger)
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

        IReadOnlyList<OutputTiming> outputs;
        if (files.LocalFolder is { } folder)
        {
            outputs = await YearOutputs.WriteAsync(programYear, years, folder, documents, line => LogProgress(programYear, line), cancellationToken);
        }
        else
        {
            var staging = Directory.CreateTempSubdirectory("mentorflow-reports-").FullName;
            try
            {
                outputs = await YearOutputs.WriteAsync(programYear, years, staging, documents, line => LogProgress(programYear, line), cancellationToken);
                var published = System.Diagnostics.Stopwatch.StartNew();
                var count = await ReportPublisher.PublishAsync(files, programYear, staging, cancellationToken);
                LogPublished(programYear, count, published.Elapsed.TotalSeconds);
                outputs = [.. outputs, new OutputTiming("published", count, published.Elapsed)];
            }
            finally
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        LogDone(programYear, started.Elapsed.TotalSeconds);
        return new RefreshReport(programYear, outputs, started.Elapsed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: {Progress}")]
    private partial void LogProgress(string programYear, string progress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: published {Files} file(s) in {Seconds:0.0} s")]
    private partial void LogPublished(string programYear, int files, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: refreshed in {Seconds:0.0} s")]
    private partial void LogDone(string programYear, double seconds);
}
