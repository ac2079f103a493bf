using MentorFlow.Core.Logs;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Simulation.Tests;

public sealed class YearSimulationTests
{
    [Fact]
    public async Task A_thousand_pairings_run_through_a_whole_simulated_year_on_the_SQLite_engine()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-sim-");
        try
        {
            using var progress = new StringWriter();
            var summary = await YearSimulation.RunAsync(new YearSimulationOptions(1000, Seed: 1, Path.Combine(folder.FullName, "year.db")), progress);

            Assert.Equal(0, summary.Unfinished);
            Assert.Equal(1000, summary.Completed + summary.Incomplete + summary.Separated);
            Assert.InRange(summary.Completed, 700, 950); // most pairs do their year
            Assert.InRange(summary.Separated, 10, 80); // about 4% leave
            Assert.InRange(summary.Incomplete, 20, 250); // late and low-hours pairs, and those who never sign
            Assert.True(summary.DecidedByCoordinator > 0);
            Assert.True(summary.MedianHours >= 20);
            Assert.Contains("simulate: 2027-06-01", progress.ToString(), StringComparison.Ordinal); // progress about monthly
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_year_and_the_same_notes()
    {
        var folder = Directory.CreateTempSubdirectory("mentorflow-sim-");
        try
        {
            var firstLogs = new List<CollaborationLog>();
            var secondLogs = new List<CollaborationLog>();
            var first = await YearSimulation.RunAsync(
                new YearSimulationOptions(60, Seed: 7, Path.Combine(folder.FullName, "a.db"), Written: (_, log) => firstLogs.Add(log)), TextWriter.Null);
            var second = await YearSimulation.RunAsync(
                new YearSimulationOptions(60, Seed: 7, Path.Combine(folder.FullName, "b.db"), Written: (_, log) => secondLogs.Add(log)), TextWriter.Null);

            static object Figures(YearSimulationSummary s) =>
                (s.Completed, s.Incomplete, s.Separated, s.DecidedByCoordinator, s.TotalHours, s.MedianHours, s.MessagesSent, s.EventsRaised);
            Assert.Equal(Figures(first), Figures(second));
            Assert.Equal(first.Frequency, second.Frequency);
            Assert.Equal(firstLogs.Select(l => (l.LogId, l.PrivateNotes)), secondLogs.Select(l => (l.LogId, l.PrivateNotes)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
