using System.Net;

namespace MentorFlow.Functions.Tests.Hosting;

public sealed class BackupCommandTests
{
    [Fact]
    public async Task The_backup_command_copies_a_running_apps_data_and_restore_refuses_until_that_app_has_stopped()
    {
        await using var app = await AppProcess.LaunchOnFreePortAsync();
        Assert.True(app.IsRunning, app.Output);
        var backup = Path.Combine(app.Root, "backup");

        var (backedUp, backupOutput) = await AppProcess.RunCommandAsync(app.Root, "backup", backup, "--MentorFlow:Folders:Root", app.Root);
        var (refused, refusedOutput) = await AppProcess.RunCommandAsync(app.Root, "restore", backup, "--MentorFlow:Folders:Root", app.Root);

        Assert.Equal(0, backedUp);
        Assert.Contains(backup, backupOutput, StringComparison.Ordinal);
        foreach (var file in new[] { "mentorflow.db", "engine.db", "link-key", "staff-keys.json" })
        {
            Assert.True(File.Exists(Path.Combine(backup, "data", file)), $"{file} is not in the backup: {backupOutput}");
        }

        Assert.NotEqual(0, refused);
        Assert.Contains("MentorFlow is running on", refusedOutput, StringComparison.Ordinal);
        Assert.Contains("stop it", refusedOutput, StringComparison.Ordinal);

        Assert.Equal(0, await app.InterruptAsync());
        var (restored, restoredOutput) = await AppProcess.RunCommandAsync(app.Root, "restore", backup, "--MentorFlow:Folders:Root", app.Root);

        Assert.Equal(0, restored);
        Assert.Contains("before-restore", restoredOutput, StringComparison.Ordinal);
        await using var again = await AppProcess.LaunchSharingAsync(app.Root, "--urls", "http://127.0.0.1:0");
        Assert.True(again.IsRunning, again.Output);
        using var http = new HttpClient { BaseAddress = again.BaseAddress };
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
