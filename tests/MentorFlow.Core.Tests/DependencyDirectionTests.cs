using MentorFlow.Testing;

namespace MentorFlow.Core.Tests;

public sealed class DependencyDirectionTests
{
    [Fact]
    public void The_program_references_only_the_engine() =>
        Assert.Equal(["MentorFlow.Durable"], ProjectReferences.Of("functions/MentorFlow.Core/MentorFlow.Core.csproj"));
}
