using System.Text.Json;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>One function as the Worker SDK's generated <c>functions.metadata</c> lists it for the Azure Functions host.</summary>
internal sealed record FunctionsMetadata(string Name, string Trigger, string? Route, IReadOnlyList<string> Methods, string? Schedule, bool RunOnStartup)
{
    /// <summary>The functions of the Functions app's build (the file the host reads, as the build wrote it).</summary>
    public static IReadOnlyList<FunctionsMetadata> OfBuild()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Read(RepositoryRoot.Combine("functions", "MentorFlow.Functions", "bin", configuration, "net10.0", "functions.metadata"));
    }

    /// <summary>The functions listed in the <c>functions.metadata</c> at <paramref name="path"/>.</summary>
    public static IReadOnlyList<FunctionsMetadata> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionsMetadata(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [],
                trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
                trigger.TryGetProperty("runOnStartup", out var startup) && startup.GetBoolean());
        })];
    }
}
