using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Health;

public sealed class DamagedDatabaseStartTests
{
    [Theory]
    [InlineData("mentorflow.db", "truncated")]
    [InlineData("mentorflow.db", "garbage")]
    [InlineData("mentorflow.db", "empty")]
    [InlineData("engine.p1.db", "garbage")]
    public async Task A_damaged_database_stops_the_start_naming_the_file_and_the_restore(string file, string damage)
    {
        var root = DamagedDatabases.Root(file, damage);
        try
        {
            await using var app = await AppProcess.LaunchSharingAsync(root, "--urls", "http://127.0.0.1:0");

            Assert.False(app.IsRunning, app.Output);
            Assert.NotEqual(0, app.ExitCode);
            Assert.Contains(Path.Combine(root, "data", file), app.Output, StringComparison.Ordinal);
            Assert.Contains("restore", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_named_without_a_stack_trace()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-unopenable-").FullName;
        var path = Path.Combine(root, "data", "mentorflow.db");
        // A folder where the file should be: SQLite answers "unable to open database file", for root as for anyone.
        Directory.CreateDirectory(path);
        try
        {
            await using var app = await AppProcess.LaunchSharingAsync(root, "--urls", "http://127.0.0.1:0");

            Assert.False(app.IsRunning, app.Output);
            Assert.NotEqual(0, app.ExitCode);
            Assert.NotEqual(134, app.ExitCode); // SIGABRT
            Assert.Contains($"{path} cannot be opened", app.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
