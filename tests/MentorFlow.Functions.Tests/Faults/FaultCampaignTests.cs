using System.Globalization;
using Xunit.Abstractions;

namespace MentorFlow.Functions.Tests.Faults;

/// <summary>
/// The fault campaign, small and seeded: a busy year on the server process, killed with SIGKILL at random points and
/// restarted; nothing acknowledged is lost, every year finishes, no email is written twice. The benchmark's
/// <c>faults</c> command runs this test longer (MENTORFLOW_FAULT_CAMPAIGN_* variables) and prints its figures.
/// </summary>
public sealed class FaultCampaignTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_busy_year_killed_at_random_points_keeps_every_pairing_and_acknowledged_submission_and_sends_no_email_twice()
    {
        var options = FaultCampaignOptions.FromEnvironment();
        var figures = await new FaultCampaign(options, output.WriteLine).RunAsync();

        foreach (var line in figures.Lines())
        {
            output.WriteLine(line);
        }

        // The benchmark reads the figures from here.
        if (Environment.GetEnvironmentVariable("MENTORFLOW_FAULT_CAMPAIGN_FIGURES") is { Length: > 0 } path)
        {
            await File.WriteAllLinesAsync(path, figures.Lines());
        }

        Assert.Equal(options.Kills + 1, figures.Kills);
        Assert.Equal(options.Pairings + 3, figures.Pairings);
        Assert.True(figures.Acknowledged > 0, string.Create(CultureInfo.InvariantCulture, $"seed {options.Seed}: no form post was acknowledged, so the campaign proved nothing"));
    }
}
