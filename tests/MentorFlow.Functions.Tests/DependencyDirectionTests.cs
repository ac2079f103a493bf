using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests;

public sealed class DependencyDirectionTests
{
    [Fact]
    public void The_app_references_the_program_its_embedded_engine_the_simulated_year_and_the_reports_and_nothing_references_the_app()
    {
        Assert.Equal(
            ["MentorFlow.Core", "MentorFlow.Durable", "MentorFlow.Reports", "MentorFlow.Simulation"],
            ProjectReferences.Of("functions/MentorFlow.Functions/MentorFlow.Functions.csproj").Order());

        string[] others =
        [
            "functions/MentorFlow.Durable/MentorFlow.Durable.csproj",
            "functions/MentorFlow.Core/MentorFlow.Core.csproj",
            "functions/MentorFlow.Simulation/MentorFlow.Simulation.csproj",
            "reports/MentorFlow.Reports/MentorFlow.Reports.csproj",
        ];
        Assert.All(others, project => Assert.DoesNotContain("MentorFlow.Functions", ProjectReferences.Of(project)));
    }
}
