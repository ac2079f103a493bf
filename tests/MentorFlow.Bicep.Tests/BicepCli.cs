using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MentorFlow.Bicep.Tests;

/// <summary>The Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 NuGet package.</summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What one <c>bicep</c> command printed and returned.</summary>
    public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<string> Diagnostics);

    /// <summary>Compiles <paramref name="bicepFile"/> to <paramref name="armTemplateFile"/>.</summary>
    public static Task<BuildResult> BuildAsync(string bicepFile, string armTemplateFile) =>
        RunAsync(["build", bicepFile, "--outfile", armTemplateFile]);

    /// <summary>Runs the linter over <paramref name="bicepFile"/> (the rules in the nearest bicepconfig.json).</summary>
    public static Task<BuildResult> LintAsync(string bicepFile) => RunAsync(["lint", bicepFile]);

    /// <summary>Compiles a .bicepparam file to an ARM parameters file, with <paramref name="environment"/> set for
    /// its <c>readEnvironmentVariable()</c> calls.</summary>
    public static Task<BuildResult> BuildParamsAsync(string bicepParamFile, string parametersFile, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(["build-params", bicepParamFile, "--outfile", parametersFile], environment);

    private static async Task<BuildResult> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(ExecutablePath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(BuildTimeout);
        var output = await stdout + await stderr;
        string[] diagnostics = [.. output.Split('\n').Where(line => Diagnostic().IsMatch(line)).Select(line => line.Trim())];
        return new BuildResult(process.ExitCode, output, diagnostics);
    }

    private static string ExecutablePath()
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepCliFolder").Value!;
        var path = Path.Combine(folder, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is missing at {path}: run 'dotnet restore' (it comes from the Azure.Bicep.CommandLine.linux-x64 package).", path);
        }

        // NuGet does not always keep the executable bit.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }

    // e.g. "/repo/bicep/main.bicep(12,7) : Warning no-unused-params: Parameter "x" is declared but never used."
    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Warning|Error|Info)\b")]
    private static partial Regex Diagnostic();
}
