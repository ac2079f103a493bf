using System.Net;
using System.Net.Http.Json;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Worker;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Records;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Components;
using MentorFlow.Functions.Tests.Engine;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using MentorFlow.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Records;

public sealed class CosmosRecordsAppTests
{
    // The emulator accepts any key; this is the public Cosmos DB emulator key.
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    [Fact]
    public async Task On_Cosmos_an_HR_pairing_is_taken_and_a_meeting_logged_while_the_engine_was_away_reaches_the_year_after_a_restart()
    {
        var database = $"app-{Guid.NewGuid():N}";
        var endpoint = new Uri(RealComponents.Cosmos.Setting);
        await RealComponents.Cosmos.EnsureListeningAsync(endpoint);
        string[] cosmos =
        [
            "--MentorFlow:Records:Backend", "Cosmos",
            "--MentorFlow:Records:Cosmos:Endpoint", endpoint.ToString(),
            "--MentorFlow:Records:Cosmos:Key", EmulatorKey,
            "--MentorFlow:Records:Cosmos:Database", database,
            "--MentorFlow:Records:Cosmos:EmulatorCertificate", RealComponents.CosmosCertificatePath,
        ];
        UnreachableEngineStore? engine = null;
        var app = await RunningApp.StartAsync(Directory.CreateTempSubdirectory("mentorflow-api-").FullName, services => services.AddSingleton<DurableTaskClient>(sp =>
            new OrchestrationStoreClient(engine = new UnreachableEngineStore(sp.GetRequiredService<IOrchestrationStore>()), sp.GetRequiredService<TimeProvider>())), cosmos);
        try
        {
            Assert.IsType<CosmosPairingRecords>(app.Services.GetRequiredService<IPairingRecords>());
            Assert.IsType<CosmosSubmissionStore>(app.Services.GetRequiredService<ISubmissionStore>());
            using var hr = app.Client();
            using var created = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var again = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString()!;
            await app.RunEngineAsync();
            Assert.Equal(2, Directory.GetFiles(app.Outbox, "*ActionPlanInvite*.eml").Length); // sent once each, through the Cosmos ledger

            var link = LogLink(app, id);
            using var mentor = new HttpForm();
            await mentor.GetAsync(link);
            var logId = mentor.Value("Log.LogId");
            engine!.Refuses = true;
            var status = await mentor.PostAsync(link, new Dictionary<string, string>
            {
                ["Log.LogId"] = logId, ["Log.Date"] = "2026-09-01", ["Log.Minutes"] = "45", ["Log.OutsideContractDay"] = "true", ["Log.Activities"] = "RegularMeeting",
            });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Logged: 45 minutes", mentor.Html, StringComparison.Ordinal);
            Assert.Equal(1, await app.Services.GetRequiredService<YearEventRelay>().CountPendingAsync(default));

            app = await app.RestartAsync([.. cosmos, "--MentorFlow:Clock:Start", "2026-09-01T09:00:00Z"]);
            Assert.Equal(0, await app.Services.GetRequiredService<YearEventRelay>().CountPendingAsync(default)); // raised as the app started
            await app.RunEngineAsync();

            var year = (await app.Engine.GetInstanceAsync(id))!.ReadCustomStatusAs<PairingYearStatus>()!;
            Assert.Equal(new DateOnly(2026, 9, 1), year.LastMeeting);
            // What the app saved is in the Cosmos database, read by a store of its own.
            using var client = await CosmosEmulator.ConnectAsync();
            var records = new CosmosPairingRecords(await CosmosRecords.OpenAsync(client, database, default));
            Assert.Equal(id, (await records.FindAsync(id, default))!.Pairing.PairingId);
        }
        finally
        {
            await app.DisposeAsync();
            using var client = await CosmosEmulator.ConnectAsync();
            await client.GetDatabase(database).DeleteAsync();
        }
    }

    [Theory]
    [InlineData(new[] { "--MentorFlow:Records:Backend", "Mongo" }, "MentorFlow:Records:Backend is 'Mongo'; set it to Sqlite (the default, embedded) or Cosmos")]
    [InlineData(new[] { "--MentorFlow:Records:Backend", "Cosmos" }, "MentorFlow:Records:Cosmos:Endpoint is not set")]
    [InlineData(new[] { "--MentorFlow:Records:Backend", "Cosmos", "--MentorFlow:Records:Cosmos:Endpoint", "not an address" }, "MentorFlow:Records:Cosmos:Endpoint is 'not an address'")]
    [InlineData(new[] { "--MentorFlow:Records:Backend", "Cosmos", "--MentorFlow:Records:Cosmos:Endpoint", "https://127.0.0.1:1/", "--MentorFlow:Records:Cosmos:EmulatorCertificate", "cert.pem" }, "EmulatorCertificate is for an emulator")]
    public async Task A_missing_or_wrong_records_setting_stops_start_up_saying_what_to_set(string[] settings, string message)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningApp.StartAsync(settings));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    // The standing log-a-meeting link the meeting invite carries for the mentor.
    private static Uri LogLink(RunningApp app, string pairingId)
    {
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var token = signer.Sign(new StepLink(pairingId, RecipientRole.Mentor, StepLinks.LogStep, DateTimeOffset.Parse("2027-09-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        return new Uri(app.BaseAddress, $"/s/{token}");
    }
}
