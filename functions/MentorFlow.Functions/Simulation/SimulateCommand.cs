using MentorFlow.Simulation;
using System.Globalization;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Functions.Hosting;
using MentorFlow.Reports;
using MentorFlow.Reports.Documents;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Simulation;

/// <summary>
/// <c>simulate</c>: a demo district's whole program year in about a minute — pairings start, people answer their emails
/// with realistic delays (some late, some never), meet, log (mentors with private notes), observe, a few leave — on a virtual clock and the real
/// SQLite engine (<c>simulation.db</c> and its partition <c>simulation.p1.db</c> in the data folder, replaced each run). It prints progress and a summary, then
/// writes the year's reports into the reports folder and prints where they are. The pairs' own logs, with their notes,
/// go beside the engine database (<see cref="SimulatedLogBook"/>), where no report reads them.
/// </summary>
public static class SimulateCommand
{
    private const string Usage = "usage: dotnet run --project functions/MentorFlow.Server -- simulate [--pairings N (default 200)] [--seed N (default 1)]";

    /// <summary>Runs the simulation; returns the exit code (2 for a bad argument, with what to type instead).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var pairings = 200;
        var seed = 1;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--pairings" when Positive(value) is { } n:
                    pairings = n;
                    i++;
                    break;
                case "--seed" when Positive(value) is { } n:
                    seed = n;
                    i++;
                    break;
                case var setting when setting.StartsWith("--MentorFlow:", StringComparison.Ordinal) && value is not null:
                    settings.AddRange([setting, value]);
                    i++;
                    break;
                default:
                    await errors.WriteLineAsync($"simulate: '{args[i]}' {(value is null ? "needs a value" : $"does not take '{value}'")}; give a positive whole number.\n{Usage}");
                    return 2;
            }
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. settings]).Build();
        var folders = EmbeddedFolders.FromConfiguration(configuration, Environment.CurrentDirectory);
        folders.EnsureCreated();
        var database = Path.Combine(folders.Data, "simulation.db");
        SqlitePartitions.Delete(database);

        try
        {
            var facts = new SimulatedYearFacts();
            var summary = await YearSimulation.RunAsync(
                new YearSimulationOptions(pairings, seed, database, Observe: facts.Observe, Written: facts.Written), output, cancellationToken);
            await WriteSummaryAsync(output, summary, database);
            var logBook = Path.Combine(folders.Data, SimulatedLogBook.FileName);
            await SimulatedLogBook.WriteAsync(logBook, facts.LogBook, cancellationToken);
            var programYear = YearSimulation.DemoDistrict(2026).ProgramYear;
            var year = facts.ToDistrictYear(summary, "Demo District", programYear);
            await YearOutputs.WriteAsync(programYear, [year], folders.Reports, new JsonFileReportDocumentWriter(folders.Reports),
                line => output.WriteLine($"reports: {line}"), cancellationToken);
            await output.WriteLineAsync($"""
                Reports for {programYear}:
                  district workbook: {Path.Combine(folders.Reports, YearOutputs.DistrictWorkbookPath(programYear, year.DistrictId))}
                  state workbook:    {Path.Combine(folders.Reports, YearOutputs.StateWorkbookPath(programYear))}
                  Power BI files:    {Path.Combine(folders.Reports, YearOutputs.PowerBiFolder(programYear))}
                  documents:         {Path.Combine(folders.Reports, programYear, "documents")}
                The pairs' own logs, with their private notes (no report reads them): {logBook}
                """);
            return summary.Unfinished == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task WriteSummaryAsync(TextWriter output, YearSimulationSummary summary, string database)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"""
            Simulated year: {summary.Pairings:N0} pairings in {summary.Elapsed.TotalSeconds:N1} s
              completed:   {summary.Completed:N0}
              incomplete:  {summary.Incomplete:N0}
              separated:   {summary.Separated:N0}
              unfinished:  {summary.Unfinished:N0}
              coordinator decisions: {summary.DecidedByCoordinator:N0}; meeting the hours requirement: {summary.MeetingRequirement:N0}
              hours outside the contract day: {summary.TotalHours:N0} confirmed, median {summary.MedianHours:N1} per pairing
              meeting frequency: {string.Join(", ", summary.Frequency.Select(f => string.Create(c, $"{f.Key} {f.Value:N0}")))}
              traffic: {summary.EventsRaised:N0} events, {summary.MessagesSent:N0} emails, {summary.WorkItems:N0} engine steps
              engine database: {string.Join(", ", Enumerable.Range(0, SqlitePartitions.DefaultCount).Select(i => SqlitePartitions.FileOf(database, i)))}
            """));
        foreach (var example in summary.UnfinishedExamples)
        {
            await output.WriteLineAsync($"  unfinished: {example}");
        }
    }

    private static int? Positive(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
