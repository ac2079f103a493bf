using MentorFlow.Testing;

namespace MentorFlow.Simulation.Tests;

public sealed class DependencyDirectionTests
{
    [Fact]
    public void The_simulated_year_references_the_program_and_its_embedded_engine_only() =>
        Assert.Equal(["MentorFlow.Core", "MentorFlow.Durable"], ProjectReferences.Of("functions/MentorFlow.Simulation/MentorFlow.Simulation.csproj").Order());
}
