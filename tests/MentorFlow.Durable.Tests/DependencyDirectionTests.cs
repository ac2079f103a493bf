using MentorFlow.Testing;

namespace MentorFlow.Durable.Tests;

public sealed class DependencyDirectionTests
{
    [Fact]
    public void The_engine_references_no_other_MentorFlow_project() =>
        Assert.Empty(ProjectReferences.Of("functions/MentorFlow.Durable/MentorFlow.Durable.csproj"));
}
