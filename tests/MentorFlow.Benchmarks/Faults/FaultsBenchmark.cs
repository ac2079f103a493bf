using System.Diagnostics;
using System.Globalization;

namespace MentorFlow.Benchmarks.Faults;

/// <summary>
/// The fault campaign of the test suite (tests/MentorFlow.Functions.Tests/Faults), run longer: it needs the test project's
/// helpers (the server as a process, its emailed links and forms), so this runs that one test through <c>dotnet test</c>
/// with the run's length in MENTORFLOW_FAULT_CAMPAIGN_* variables, then prints the figures the test wrote.
/// </summary>
internal static class FaultsBenchmark
{
    public static async Task<int> RunAsync(int kills, int pairings, int seed, TextWriter figures, TextWriter progress)
    {
        var root = RepositoryRoot();
        var figuresFile = Path.Combine(Path.GetTempPath(), $"mentorflow-faults-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "test", Path.Combine("tests", "MentorFlow.Functions.Tests"), "--filter", "FullyQualifiedName~Faults.FaultCampaignTests",
            "--logger", "console;verbosity=normal",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MENTORFLOW_FAULT_CAMPAIGN_KILLS"] = kills.ToString(CultureInfo.InvariantCulture);
        start.Environment["MENTORFLOW_FAULT_CAMPAIGN_PAIRINGS"] = pairings.ToString(CultureInfo.InvariantCulture);
        start.Environment["MENTORFLOW_FAULT_CAMPAIGN_SEED"] = seed.ToString(CultureInfo.InvariantCulture);
        // The long run posts midyear checks too, where the known finding (a late check dropped by its year) can show.
        start.Environment["MENTORFLOW_FAULT_CAMPAIGN_MIDYEAR"] = "1";
        start.Environment["MENTORFLOW_FAULT_CAMPAIGN_FIGURES"] = figuresFile;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"faults: dotnet test of the fault campaign, {kills} kills, {pairings} pairings (+3 imported), seed {seed}"));
        using var test = Process.Start(start)!;
        // The test's own output is progress; its figures come from the file it writes once it passed.
        var output = Pump(test.StandardOutput, progress);
        var error = Pump(test.StandardError, progress);
        await test.WaitForExitAsync();
        await Task.WhenAll(output, error);
        try
        {
            if (test.ExitCode != 0 || !File.Exists(figuresFile))
            {
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"faults: the campaign failed (dotnet test exit code {test.ExitCode}); its message above names the seed."));
                return 1;
            }

            foreach (var line in await File.ReadAllLinesAsync(figuresFile))
            {
                await FigureLine.WriteAsync(figures, $"{line}");
            }

            return 0;
        }
        finally
        {
            File.Delete(figuresFile);
        }
    }

    private static async Task Pump(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            await to.WriteLineAsync(line);
        }
    }

    // The checkout this benchmark was built in: the folder holding MentorFlow.sln, above the build output.
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MentorFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MentorFlow.sln above {AppContext.BaseDirectory}: run the benchmark from its checkout.");
    }
}
