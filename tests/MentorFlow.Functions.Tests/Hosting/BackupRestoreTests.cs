using System.Net;
using MentorFlow.Functions.Health;
using MentorFlow.Functions.Hosting;
using MentorFlow.Server;
using MentorFlow.Functions.Tests.Forms;

namespace MentorFlow.Functions.Tests.Hosting;

public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_mid_year_while_the_app_runs_restores_into_a_new_folder_and_the_year_continues_without_mail_twice()
    {
        var backup = Path.Combine(Directory.CreateTempSubdirectory("mentorflow-backup-").FullName, "taken");
        var original = await RunningApp.StartAsync();
        var pairingId = await StepPages.StartPairingAsync(original);
        await StepPages.AdvanceAsync(original, days: 1);
        using (var hr = original.Client())
        {
            using var before = await hr.GetAsync($"/api/pairings/{pairingId}");
            var pairingBefore = await before.Content.ReadAsStringAsync();

            Assert.Equal(0, await MainCommand.RunAsync(["backup", backup, "--MentorFlow:Folders:Root", original.Root]));
            await original.DisposeAsync();

            var root = Directory.CreateTempSubdirectory("mentorflow-restored-").FullName;
            Assert.Equal(0, await MainCommand.RunAsync(["restore", backup, "--MentorFlow:Folders:Root", root]));
            await using var restored = await RunningApp.StartAsync(root, _ => { });
            using var restoredHr = restored.Client();
            using var after = await restoredHr.GetAsync($"/api/pairings/{pairingId}");

            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            Assert.Equal(pairingBefore, await after.Content.ReadAsStringAsync());

            // Nobody signed the action plan: the year's next step is the reminder, three days after the invites.
            await StepPages.AdvanceAsync(restored, days: 3);

            Assert.Equal(2, Directory.GetFiles(restored.Outbox, "*_ActionPlanReminder_*.eml").Length);
            Assert.Empty(Directory.GetFiles(restored.Outbox, "*_ActionPlanInvite_*.eml"));
        }

        Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
    }

    [Fact]
    public async Task A_restore_is_refused_while_the_app_runs_on_the_folder_and_nothing_changes()
    {
        var backup = Path.Combine(Directory.CreateTempSubdirectory("mentorflow-backup-").FullName, "taken");
        await using var app = await RunningApp.StartAsync();
        DataBackup.Take(Path.Combine(app.Root, "data"), backup, TimeProvider.System);
        var data = Path.Combine(app.Root, "data");
        var before = Directory.GetFiles(data).Order(StringComparer.Ordinal).ToArray();

        var refused = Assert.Throws<DataFolderProblemException>(() => DataRestore.Restore(backup, data, TimeProvider.System));

        Assert.Contains("MentorFlow is running on", refused.Message, StringComparison.Ordinal);
        Assert.Contains("stop it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(data).Order(StringComparer.Ordinal));
        Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
    }

    [Theory]
    [InlineData("manifest")]
    [InlineData("database")]
    [InlineData("link-key")]
    public async Task An_incomplete_backup_is_refused_naming_what_is_missing(string lost)
    {
        var backup = Path.Combine(Directory.CreateTempSubdirectory("mentorflow-backup-").FullName, "taken");
        var app = await RunningApp.StartAsync();
        DataBackup.Take(Path.Combine(app.Root, "data"), backup, TimeProvider.System);
        await app.DisposeAsync();
        var missing = lost switch
        {
            "manifest" => Path.Combine(backup, BackupManifest.FileName),
            "database" => Path.Combine(backup, "data", "mentorflow.db"),
            _ => Path.Combine(backup, "data", "link-key"),
        };
        File.Delete(missing);
        var target = Directory.CreateTempSubdirectory("mentorflow-restored-").FullName;

        var refused = Assert.Throws<DataFolderProblemException>(() => DataRestore.Restore(backup, target, TimeProvider.System));

        Assert.Contains(lost == "manifest" ? BackupManifest.FileName : missing, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
        Directory.Delete(target, recursive: true);
        Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
    }

    [Fact]
    public async Task A_backup_into_the_data_folder_itself_is_refused()
    {
        await using var app = await RunningApp.StartAsync();
        var data = Path.Combine(app.Root, "data");

        var refused = Assert.Throws<DataFolderProblemException>(() => DataBackup.Take(data, Path.Combine(data, "backup"), TimeProvider.System));

        Assert.Contains("outside", refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data, "backup")));
    }
}
