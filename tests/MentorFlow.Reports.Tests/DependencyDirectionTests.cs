using MentorFlow.Testing;

namespace MentorFlow.Reports.Tests;

public sealed class DependencyDirectionTests
{
    [Fact]
    public void Reports_reference_no_other_MentorFlow_project() =>
        Assert.Empty(ProjectReferences.Of("reports/MentorFlow.Reports/MentorFlow.Reports.csproj"));
}
