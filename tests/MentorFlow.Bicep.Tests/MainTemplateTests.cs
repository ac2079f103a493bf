using System.Text.Json;
using MentorFlow.Testing;

namespace MentorFlow.Bicep.Tests;

public sealed class MainTemplateTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("mentorflow-bicep-");

    [Fact]
    public async Task Main_bicep_compiles_with_no_warning_to_a_locked_down_storage_account()
    {
        var template = Path.Combine(_work.FullName, "main.json");

        var result = await BicepCli.BuildAsync(RepositoryRoot.Combine("bicep", "main.bicep"), template);

        Assert.True(result.ExitCode == 0, $"bicep build failed:\n{result.Output}");
        Assert.True(result.Diagnostics.Count == 0, $"bicep build reported:\n{string.Join('\n', result.Diagnostics)}");
        using var arm = JsonDocument.Parse(await File.ReadAllTextAsync(template));
        var storage = arm.RootElement.GetProperty("resources").EnumerateArray()
            .Single(resource => resource.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts");
        var properties = storage.GetProperty("properties");
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
    }

    [Fact]
    public async Task A_template_with_a_linter_warning_is_caught()
    {
        var bicep = Path.Combine(_work.FullName, "unused.bicep");
        await File.WriteAllTextAsync(bicep, "param neverUsed string\n");

        var result = await BicepCli.BuildAsync(bicep, Path.Combine(_work.FullName, "unused.json"));

        Assert.Contains(result.Diagnostics, line => line.Contains("Warning no-unused-params", StringComparison.Ordinal));
    }

    public void Dispose() => _work.Delete(recursive: true);
}
