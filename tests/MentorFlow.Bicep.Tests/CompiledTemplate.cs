using MentorFlow.Testing;

namespace MentorFlow.Bicep.Tests;

/// <summary>bicep/main.bicep built, linted and main.bicepparam built once for every test in a class.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    // What bicep/deploy.sh puts in the environment for main.bicepparam's readEnvironmentVariable() calls.
    internal static readonly IReadOnlyDictionary<string, string> DeployEnvironment = new Dictionary<string, string>
    {
        ["MENTORFLOW_ENTRA_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
        ["MENTORFLOW_LINK_KEY"] = Convert.ToBase64String(new byte[32]),
        ["MENTORFLOW_SMTP_PASSWORD"] = "not-a-real-password",
    };

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("mentorflow-bicep-");

    internal BicepCli.BuildResult Build { get; private set; } = null!;

    internal BicepCli.BuildResult Lint { get; private set; } = null!;

    internal BicepCli.BuildResult BuildParams { get; private set; } = null!;

    internal ArmTemplate Template { get; private set; } = null!;

    internal ArmTemplate Parameters { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var template = Path.Combine(_work.FullName, "main.json");
        var parameters = Path.Combine(_work.FullName, "main.parameters.json");
        Build = await BicepCli.BuildAsync(RepositoryRoot.Combine("bicep", "main.bicep"), template);
        Lint = await BicepCli.LintAsync(RepositoryRoot.Combine("bicep", "main.bicep"));
        BuildParams = await BicepCli.BuildParamsAsync(RepositoryRoot.Combine("bicep", "main.bicepparam"), parameters, DeployEnvironment);
        Template = ArmTemplate.Parse(File.Exists(template) ? await File.ReadAllTextAsync(template) : "{}");
        Parameters = ArmTemplate.Parse(File.Exists(parameters) ? await File.ReadAllTextAsync(parameters) : "{}");
    }

    public Task DisposeAsync()
    {
        _work.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
