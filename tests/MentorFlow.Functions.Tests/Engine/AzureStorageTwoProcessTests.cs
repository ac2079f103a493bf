using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MentorFlow.Functions.Tests.Components;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Engine;

/// <summary>
/// Two app processes, as two machines would run them, on one Azure Storage task hub (Azurite) with one data folder:
/// they share the pairings' work, and every pairing's year finishes once with no email sent twice.
/// </summary>
public sealed class AzureStorageTwoProcessTests
{
    private const int Pairings = 16;
    private const string HrKey = "two-process-hr-key";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_app_processes_on_one_task_hub_share_the_work_and_finish_every_pairing_once()
    {
        var (smtp, api) = await Maildev.ReachAsync();
        var run = $"twoproc{Guid.NewGuid():N}"[..20];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var programYearStart = today.Month >= 7 ? today.Year : today.Year - 1;
        var root = Directory.CreateTempSubdirectory("mentorflow-two-process-").FullName;
        string[] arguments =
        [
            "--urls", "http://127.0.0.1:0",
            "--MentorFlow:Districts:0:Id", "demo-district",
            "--MentorFlow:Districts:0:Name", "Demo District",
            "--MentorFlow:Districts:0:ProgramYearStart", programYearStart.ToString(CultureInfo.InvariantCulture),
            "--MentorFlow:Districts:0:CoordinatorEmail", $"coordinator@{run}.example",
            "--MentorFlow:Staff:Keys:Hr", HrKey,
            "--MentorFlow:Engine:Backend", "AzureStorage",
            "--MentorFlow:Engine:AzureStorage:ConnectionString", RealComponents.Azurite.Setting,
            "--MentorFlow:Engine:AzureStorage:TaskHub", run,
            "--MentorFlow:Engine:AzureStorage:MaxPollMilliseconds", "200",
            "--MentorFlow:Mail:Smtp:Host", smtp.Host,
            "--MentorFlow:Mail:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture),
            "--MentorFlow:Mail:Smtp:Security", "None",
            "--Logging:LogLevel:MentorFlow.Durable.Service.ServiceWorker", "Debug",
        ];
        try
        {
            // One after the other: the second opens the data folder the first has created.
            await using var first = await AppProcess.LaunchSharingAsync(root, arguments);
            Assert.True(first.IsRunning, first.Output);
            await using var second = await AppProcess.LaunchSharingAsync(root, arguments);
            Assert.True(second.IsRunning, second.Output);
            await UntilAsync(() => Task.FromResult(first.Output.Contains("Durable worker started", StringComparison.Ordinal)
                && second.Output.Contains("Durable worker started", StringComparison.Ordinal)));

            using var hrOnFirst = Hr(first);
            using var hrOnSecond = Hr(second);
            var ids = new List<string>();
            for (var i = 0; i < Pairings; i++)
            {
                using var created = await hrOnFirst.PostAsJsonAsync("/api/pairings", Pairing(i, run, today, programYearStart));
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
                ids.Add((await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString()!);
            }

            // Kickoff: mentor and mentee each get their action-plan link.
            await UntilAsync(async () => (await MailsAsync(api, run)).Count >= 2 * Pairings);
            foreach (var id in ids)
            {
                using var ended = await hrOnSecond.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = today, reason = "MenteeLeftDistrict" });
                Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());
            }

            await UntilAsync(async () =>
            {
                foreach (var (id, i) in ids.Select((id, i) => (id, i)))
                {
                    using var read = await (i % 2 == 0 ? hrOnFirst : hrOnSecond).GetAsync(new Uri($"/api/pairings/{id}", UriKind.Relative));
                    if ((await RunningApp.JsonAsync(read)).GetProperty("yearStatus").GetString() != "Completed")
                    {
                        return false;
                    }
                }

                return true;
            });

            var mails = await MailsAsync(api, run);
            var twice = mails.GroupBy(MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"sent twice: {string.Join(", ", twice)}");
            var recipients = mails.SelectMany(m => m.GetProperty("to").EnumerateArray().Select(to => to.GetProperty("address").GetString())).ToHashSet();
            Assert.All(Enumerable.Range(0, Pairings), i => Assert.Subset(recipients, new HashSet<string?> { $"mentor{i}@{run}.example", $"mentee{i}@{run}.example" }));
            Assert.True(RanActivities(first) > 0, $"the first process ran no activity:\n{first.Output}");
            Assert.True(RanActivities(second) > 0, $"the second process ran no activity:\n{second.Output}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // maildev keeps the headers as they arrived; the Message-Id is derived from the message's idempotency key.
    private static string MessageId(JsonElement mail) =>
        mail.GetProperty("headers").EnumerateObject().Single(h => h.Name.Equals("message-id", StringComparison.OrdinalIgnoreCase)).Value.ToString();

    private static int RanActivities(AppProcess app) =>
        app.Output.Split('\n').Count(line => line.Contains("Activity SendProgramMessages ran for instance", StringComparison.Ordinal));

    private static HttpClient Hr(AppProcess app)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add(Functions.Staff.StaffKeys.Header, HrKey);
        return client;
    }

    private static object Pairing(int i, string run, DateOnly startsOn, int programYearStart) => new
    {
        districtId = "demo-district",
        programYear = $"{programYearStart}-{programYearStart + 1}",
        school = "Lincoln Elementary",
        inductionYear = 1,
        term = "FullYear",
        startsOn,
        mentor = new
        {
            employeeId = $"M{i:D4}",
            name = $"Mentor {i}",
            email = $"mentor{i}@{run}.example",
            role = "Teacher",
            school = "Lincoln Elementary",
            yearsOfExperience = 12,
            mentorTrainedOn = "2024-06-20",
            rating = "Proficient",
        },
        mentee = new
        {
            employeeId = $"N{i:D4}",
            name = $"Mentee {i}",
            email = $"mentee{i}@{run}.example",
            role = "Teacher",
            school = "Lincoln Elementary",
            yearsOfExperience = 0,
        },
    };

    // Every mail maildev holds for this run's people.
    private static async Task<List<JsonElement>> MailsAsync(Uri api, string run)
    {
        using var http = new HttpClient { BaseAddress = api };
        var mails = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/email", UriKind.Relative)) ?? [];
        return [.. mails.Where(m => m.GetProperty("to").EnumerateArray().Any(to =>
            to.GetProperty("address").GetString()?.EndsWith($"@{run}.example", StringComparison.Ordinal) == true))];
    }

    // The processes keep real time, so the test reads their state until it shows what it waits for.
    private static async Task UntilAsync(Func<Task<bool>> reached)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await reached())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }
}
