using System.Net.Http.Json;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Engine;
using MentorFlow.Functions.Tests.Forms;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class SeparationReachesTheYearTests
{
    [Fact]
    public async Task A_pairing_ended_while_the_engine_could_not_take_its_event_ends_its_year_once_the_app_restarts()
    {
        var (app, engine) = await UnreachableEngineApp.StartAsync();
        try
        {
            var id = await StepPages.StartPairingAsync(app);
            engine().Refuses = true;
            using (var hr = app.Client())
            {
                using var ended = await hr.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2026-09-01", reason = "MenteeLeftDistrict" });

                // HR is told it ended: the separation is saved with the event the year is owed.
                Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());
            }

            await app.RunEngineAsync();
            Assert.NotEqual(OrchestrationRuntimeStatus.Completed, (await app.Engine.GetInstanceAsync(id))!.RuntimeStatus);
            Assert.Equal(1, await app.Services.GetRequiredService<YearEventRelay>().CountPendingAsync(default));

            app = await app.RestartAsync("--MentorFlow:Clock:Start", "2026-09-01T09:00:00Z");
            await app.RunEngineAsync();

            Assert.Equal(0, await app.Services.GetRequiredService<YearEventRelay>().CountPendingAsync(default));
            // The app's own worker may have taken the raised event before the test's run did: wait for whichever runs it.
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await app.Engine.WaitForInstanceCompletionAsync(id, cancellation: patience.Token)).RuntimeStatus);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
