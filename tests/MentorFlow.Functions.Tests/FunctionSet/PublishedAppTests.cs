using System.Diagnostics;
using System.Text.Json;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>
/// <c>dotnet publish</c> of the Functions app gives what Azure Functions runs: the host's settings, every function's
/// metadata, the worker's start-up file and the extensions the host loads (the README zips this folder and deploys it).
/// </summary>
public sealed class PublishedAppTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorflow-publish-").FullName;

    public async Task InitializeAsync()
    {
        // Publishing the build this test run made (the same publish targets as -c Release, without compiling again).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "publish", RepositoryRoot.Combine("functions", "MentorFlow.Functions", "MentorFlow.Functions.csproj"),
            "-c", configuration, "--no-build", "-o", _folder })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void The_package_holds_the_host_settings_with_the_routes_unprefixed_and_the_durable_task_hub()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "host.json")));
        var extensions = host.RootElement.GetProperty("extensions");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("", extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("mentorflow", extensions.GetProperty("durableTask").GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", extensions.GetProperty("durableTask").GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.True(extensions.GetProperty("durableTask").GetProperty("extendedSessionsEnabled").GetBoolean());
    }

    [Fact]
    public void The_package_lists_every_function_the_build_lists()
    {
        var published = FunctionsMetadata.Read(Path.Combine(_folder, "functions.metadata"));

        Assert.Equal(FunctionsMetadata.OfBuild(), published, new MetadataComparer());
    }

    [Fact]
    public void The_package_starts_the_isolated_worker_from_its_own_assembly()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");

        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("MentorFlow.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
        Assert.True(File.Exists(Path.Combine(_folder, "MentorFlow.Functions.dll")));
        Assert.False(File.Exists(Path.Combine(_folder, "local.settings.json")), "local settings are for func start, never for Azure");
    }

    [Fact]
    public void The_package_carries_the_durable_extension_the_host_loads()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "extensions.json")));
        var durable = Assert.Single(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");

        var hint = durable.GetProperty("hintPath").GetString()!;
        Assert.True(File.Exists(Path.Combine(_folder, hint)), $"{hint} is missing from the package");
    }

    private sealed class MetadataComparer : IEqualityComparer<FunctionsMetadata>
    {
        public bool Equals(FunctionsMetadata? x, FunctionsMetadata? y) =>
            x is not null && y is not null && (x.Name, x.Trigger, x.Route, x.Schedule, x.RunOnStartup) == (y.Name, y.Trigger, y.Route, y.Schedule, y.RunOnStartup)
            && x.Methods.SequenceEqual(y.Methods);

        public int GetHashCode(FunctionsMetadata obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
