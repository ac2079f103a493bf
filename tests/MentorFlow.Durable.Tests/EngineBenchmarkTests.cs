using MentorFlow.Benchmarks;

namespace MentorFlow.Durable.Tests;

// The benchmark's figures are read by people; this only keeps the command working (no speed is asserted).
// The engine benchmark's Azure Storage part runs on the Azurite in MENTORFLOW_TEST_AZURITE (./test.sh), else starts its own.
public sealed class EngineBenchmarkTests
{
    [Fact]
    public async Task The_engine_benchmark_prints_every_figure_and_the_ratio_last()
    {
        using var figures = new StringWriter();
        using var progress = new StringWriter();

        var exitCode = await BenchmarkCommand.RunAsync(["engine", "--orchestrations", "40", "--timers", "30", "--azure-orchestrations", "6"], figures, progress);

        Assert.Equal(0, exitCode);
        var lines = figures.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Collection(lines,
            line => Assert.StartsWith("sqlite-limit: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("hello-sequence: 40 of 40 orchestrations completed in ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("hello-sequence orchestrations/s: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("hello-sequence activities/s: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("hello-sequence latency p50: ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("long-timers: 30 of 30 one-year timers completed ", line, StringComparison.Ordinal),
            line => Assert.StartsWith("peak working set: ", line, StringComparison.Ordinal),
            line => Assert.Matches(@"^backends: sqlite [\d,]+ orch/s, azure-storage [\d,]+\.\d orch/s, sqlite/azure-storage = \d+\.\d$", line),
            line => Assert.Matches(@"^ratio: hello-sequence orch/s ÷ sqlite-limit = \d+\.\d{3}$", line));
        Assert.Contains("advancing the clock 366 days", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("azure-storage hello-sequence: 6 of 6 completed", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("azure-storage: deleted task hub", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_benchmark_prints_its_figures_and_the_year_line_last()
    {
        using var figures = new StringWriter();
        using var progress = new StringWriter();

        Assert.Equal(0, await BenchmarkCommand.RunAsync(["year", "--pairings", "12", "--seed", "3"], figures, progress));

        var lines = figures.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("year outcomes: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(", 0 unfinished", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("peak working set: ", StringComparison.Ordinal));
        Assert.Matches(@"^year: 12 pairings in \d+\.\d s$", lines[^1]);
        Assert.Contains("simulate: 2026-10-01", progress.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_option_is_refused_with_the_usage()
    {
        using var figures = new StringWriter();
        using var progress = new StringWriter();

        Assert.Equal(2, await BenchmarkCommand.RunAsync(["engine", "--orchestrations", "many"], figures, progress));
        Assert.Contains("expected a positive number", progress.ToString(), StringComparison.Ordinal);
        Assert.Empty(figures.ToString());
    }
}
