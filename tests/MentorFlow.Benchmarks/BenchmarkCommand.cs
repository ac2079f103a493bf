using System.Globalization;
using MentorFlow.Benchmarks.Engine;
using MentorFlow.Benchmarks.Year;

namespace MentorFlow.Benchmarks;

/// <summary>Parses the command line and runs the named benchmark; figures go to standard output, progress to standard error.</summary>
public static class BenchmarkCommand
{
    private const string Usage = """
        usage: dotnet run -c Release --project tests/MentorFlow.Benchmarks -- engine|year|reports|faults [options]
          engine: the durable engine's throughput against the disk's commit rate
            --orchestrations N   hello-sequence instances (default 10000)
            --timers N           long-timers instances (default 10000)
            --azure-orchestrations N
                                 hello-sequence instances on Azure Storage over Azurite (default 100; Azurite
                                 from MENTORFLOW_TEST_AZURITE, else started from node_modules: run npm ci)
          year: a whole simulated program year
            --pairings N         pairings (default 10000)
            --seed N             people's behaviour (default 1)
          reports: every report output of a statewide year
            --districts N        districts (default 400)
            --pairings N         pairings (default 8000; 40 meetings and 3 observation cycles each)
          faults: the fault campaign (SIGKILLs in a busy year on the server process), run by dotnet test
            --kills N            rounds, each ended by a SIGKILL and a restart (default 30)
            --pairings N         pairings HR posts, besides the 3 imported (default 20)
            --seed N             the campaign's choices (default 1)
          all:
            --workers N          worker loops in the process (default: processor count)
            --folder PATH        where the databases go (default: a new temporary folder, deleted after)
        """;

    /// <summary>Runs the benchmark <paramref name="args"/> name; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter figures, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(progress);
        if (args.Length == 0 || args[0] is not ("engine" or "year" or "reports" or "faults"))
        {
            await progress.WriteLineAsync(Usage);
            return args.Length == 0 ? 0 : 2;
        }

        var options = new EngineBenchmarkOptions();
        var pairings = args[0] switch { "reports" => 8_000, "faults" => 20, _ => 10_000 };
        var kills = 30;
        var districts = 400;
        var seed = 1;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--orchestrations" when args[0] == "engine" && Count(value) is { } n:
                    options = options with { Orchestrations = n };
                    break;
                case "--timers" when args[0] == "engine" && Count(value) is { } n:
                    options = options with { TimerInstances = n };
                    break;
                case "--azure-orchestrations" when args[0] == "engine" && Count(value) is { } n:
                    options = options with { AzureOrchestrations = n };
                    break;
                case "--districts" when args[0] == "reports" && Count(value) is { } n:
                    districts = n;
                    break;
                case "--kills" when args[0] == "faults" && Count(value) is { } n:
                    kills = n;
                    break;
                case "--pairings" when args[0] is "year" or "reports" or "faults" && Count(value) is { } n:
                    pairings = n;
                    break;
                case "--seed" when args[0] is "year" or "faults" && Count(value) is { } n:
                    seed = n;
                    break;
                case "--workers" when Count(value) is { } n:
                    options = options with { Workers = n };
                    break;
                case "--folder" when !string.IsNullOrWhiteSpace(value):
                    options = options with { Folder = value };
                    break;
                default:
                    await progress.WriteLineAsync($"'{args[i]}' {(value is null ? "needs a value" : $"does not take '{value}'")}: expected a positive number or a folder.\n{Usage}");
                    return 2;
            }

            i++;
        }

        if (args[0] == "faults")
        {
            return await Faults.FaultsBenchmark.RunAsync(kills, pairings, seed, figures, progress);
        }

        if (args[0] == "reports")
        {
            await Reports.ReportsBenchmark.RunAsync(districts, pairings, options.Folder, figures, progress);
        }
        else if (args[0] == "year")
        {
            await YearBenchmark.RunAsync(pairings, seed, options.Workers ?? Environment.ProcessorCount, options.Folder, figures, progress);
        }
        else
        {
            await EngineBenchmark.RunAsync(options, figures, progress);
        }

        return 0;
    }

    private static int? Count(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
