using MentorFlow.Functions.Simulation;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Tests.Simulation;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task A_small_simulated_year_prints_its_progress_and_summary()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-simulate-");
        try
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();

            var exit = await SimulateCommand.RunAsync(["--pairings", "40", "--seed", "3", "--MentorFlow:Folders:Root", root.FullName], output, errors);

            var printed = output.ToString();
            Assert.True(exit == 0, printed + errors);
            Assert.Contains("simulate: 40 pairings in demo-district, program year 2026-2027, seed 3", printed, StringComparison.Ordinal);
            Assert.Contains("simulate: 2027-03-01", printed, StringComparison.Ordinal);
            Assert.Contains("Simulated year: 40 pairings", printed, StringComparison.Ordinal);
            Assert.Contains("unfinished:  0", printed, StringComparison.Ordinal);
            var outcomes = new[] { "completed:", "incomplete:", "separated:" }
                .Sum(label => int.Parse(printed.Split('\n').Single(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal)).Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(40, outcomes);
            Assert.Contains("meeting frequency: Weekly", printed, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(root.FullName, "data", "simulation.db")));
            var workbook = Path.Combine(root.FullName, "reports", "2026-2027", "districts", "demo-district.xlsx");
            Assert.Contains($"district workbook: {workbook}", printed, StringComparison.Ordinal);
            using var excel = new ClosedXML.Excel.XLWorkbook(workbook);
            Assert.Equal(40, excel.Worksheet("Pairings").Table("Pairings").DataRange.RowCount());
            Assert.True(excel.Worksheet("Meetings by week").Table("MeetingsByWeek").DataRange.RowCount() > 30);
            Assert.True(File.Exists(Path.Combine(root.FullName, "reports", "powerbi", "2026-2027", "manifest.json")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--pairings", "many")]
    [InlineData("--seed", "-1")]
    [InlineData("--speed", "2")]
    public async Task A_bad_argument_says_what_to_type_and_exits_2(string name, string value)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await SimulateCommand.RunAsync([name, value], output, errors);

        Assert.Equal(2, exit);
        Assert.Contains($"'{name}' does not take '{value}'", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: dotnet run --project functions/MentorFlow.Server -- simulate", errors.ToString(), StringComparison.Ordinal);
    }
}
