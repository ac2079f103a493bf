using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MentorFlow.Functions.Tests.Health;

public sealed class DiskFaultApiTests
{
    [Fact]
    public async Task On_a_read_only_disk_writes_answer_503_saying_what_to_do_reads_answer_200_and_writes_work_again_once_it_is_writable()
    {
        var root = Directory.CreateTempSubdirectory("mentorflow-readonly-").FullName;
        var disk = new ReadOnlyDiskRecords(Path.Combine(root, "data", "mentorflow.db"));
        await using var app = await RunningApp.StartAsync(root, services => services.AddSingleton<IPairingRecords>(disk));
        using var hr = app.Client();
        using var first = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var firstId = (await RunningApp.JsonAsync(first)).GetProperty("pairingId").GetString();

        disk.ReadOnly = true;
        using var refused = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid(menteeId: "E2002"));
        using var read = await hr.GetAsync($"/api/pairings/{firstId}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await RunningApp.JsonAsync(refused);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("read-only", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Send the request again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "the host is stopping");

        disk.ReadOnly = false;
        using var again = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid(menteeId: "E2002"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
