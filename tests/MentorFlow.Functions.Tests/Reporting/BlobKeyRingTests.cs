using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Reporting;

/// <summary>
/// With the report files in Blob Storage the key ring is there too: what one instance protects (a form token, a sign-in
/// cookie) another instance on another disk can read, as two instances of the app in Azure must.
/// </summary>
public sealed class BlobKeyRingTests
{
    [Fact]
    public async Task Two_instances_on_different_disks_sharing_the_blob_account_read_each_others_tokens()
    {
        await RealComponents.Azurite.EnsureListeningAsync(new Azure.Storage.Blobs.BlobServiceClient(RealComponents.Azurite.Setting).Uri);
        string[] blob = ["--MentorFlow:Reports:Files:Backend", "Blob", "--MentorFlow:Reports:Files:Blob:ConnectionString", RealComponents.Azurite.Setting,
            "--MentorFlow:Reports:Files:Blob:Container", $"reports-{Guid.NewGuid():N}"[..20]];
        await using var first = await RunningApp.StartAsync(blob);
        await using var second = await RunningApp.StartAsync(blob);

        var token = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("form").Protect("step form of a mentor");

        Assert.Equal("step form of a mentor", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("form").Unprotect(token));
        Assert.False(Directory.Exists(Path.Combine(first.Root, "data", "keys")) && Directory.EnumerateFiles(Path.Combine(first.Root, "data", "keys")).Any(),
            "the key ring went to the data folder");
    }
}
