using System.Net.Http.Json;
using MentorFlow.Functions.Health;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Links;

public sealed class LinkKeyLossTests
{
    [Fact]
    public async Task A_deleted_link_key_stops_the_start_while_pairings_exist_saying_to_restore_it()
    {
        var app = await RunningApp.StartAsync();
        using (var hr = app.Client())
        {
            using var created = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
            created.EnsureSuccessStatusCode();
        }

        var root = await app.StopKeepingFolderAsync();
        try
        {
            var key = Path.Combine(root, "data", StepLinkSigner.KeyFile);
            var kept = await File.ReadAllTextAsync(key);
            File.Delete(key);

            var refused = await Assert.ThrowsAsync<DataFolderProblemException>(() => RunningApp.StartAsync(root, _ => { }));

            Assert.Contains(key, refused.Message, StringComparison.Ordinal);
            Assert.Contains("backup", refused.Message, StringComparison.Ordinal);
            Assert.Contains(StepLinkSigner.KeySetting, refused.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(key), "a new key was written anyway");

            // The key given through configuration is accepted in place of the file.
            var configured = await RunningApp.StartAsync(root, _ => { }, $"--{StepLinkSigner.KeySetting}", kept.Trim());
            await configured.StopKeepingFolderAsync();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_data_folder_gets_a_new_link_key()
    {
        await using var app = await RunningApp.StartAsync();

        Assert.True(File.Exists(Path.Combine(app.Root, "data", StepLinkSigner.KeyFile)));
    }
}
