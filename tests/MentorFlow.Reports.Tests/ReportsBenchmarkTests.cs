using MentorFlow.Benchmarks;

namespace MentorFlow.Reports.Tests;

// The benchmark's figures are read by people; this only keeps the command working (no speed is asserted).
public sealed class ReportsBenchmarkTests
{
    [Fact]
    public async Task The_reports_benchmark_prints_each_output_and_the_total_last()
    {
        using var figures = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await BenchmarkCommand.RunAsync(["reports", "--districts", "4", "--pairings", "50"], figures, progress);

        Assert.Equal(0, exitCode);
        var lines = figures.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Collection(lines,
            line => Assert.StartsWith("reports district workbooks: 4 files in ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("reports district power bi files: 40 files in ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("reports state workbook: 1 files in ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("reports published power bi files: 7 files in ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("reports report documents: 5 files in ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("reports output: ", line, StringComparison.Ordinal),
            line => Assert.Matches(@"^reports: total \d+\.\d s, peak \d+ MB$", line));
        Assert.Contains("50 pairings, 2,000 interactions, 150 observation cycles", progress.ToString(), StringComparison.Ordinal);
    }
}
