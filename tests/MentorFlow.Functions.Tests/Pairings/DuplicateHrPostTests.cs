using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class DuplicateHrPostTests
{
    [Fact]
    public async Task Twenty_concurrent_posts_of_the_same_hire_create_one_pairing_and_one_year()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid())));

        try
        {
            // One post created it; every other one was told of the same pairing (200), none failed.
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
            var ids = await Task.WhenAll(responses.Select(async r => (await RunningApp.JsonAsync(r)).GetProperty("pairingId").GetString()));
            var id = Assert.Single(ids.Distinct());
            Assert.Single(await app.Services.GetRequiredService<IPairingRecords>().ListAsync("demo-district", default));
            await app.RunEngineAsync();
            Assert.Single(Directory.GetFiles(app.Outbox, "*_ActionPlanInvite_Mentor_*.eml"));
            Assert.NotNull(await app.Engine.GetInstanceAsync(id!));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
