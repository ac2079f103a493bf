using MentorFlow.Testing;

namespace MentorFlow.Core.Tests;

public sealed class DependencyDirectionTests
{
    [Fact]
    public void The_program_references_no_backend_and_no_host() =>
        Assert.Empty(ProjectReferences.Of("functions/MentorFlow.Core/MentorFlow.Core.csproj"));
}
