using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace MentorFlow.Bicep.Tests;

/// <summary>The Bicep compiler from the Azure.Bicep.CommandLine.linux-x64 NuGet package.</summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>What one <c>bicep build</c> printed and returned.</summary>
    public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<string> Diagnostics);

    /// <summary>Compiles <paramref name="bicepFile"/> to <paramref name="armTemplateFile"/>.</summary>
    public static async Task<BuildResult> BuildAsync(string bicepFile, string armTemplateFile)
    {
        var start = new ProcessStartInfo(ExecutablePath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", bicepFile, "--outfile", armTemplateFile })
        {
            start.ArgumentList.Add(argument);
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
    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Warning|Error)\b")]
    private static partial Regex Diagnostic();
}
