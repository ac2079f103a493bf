using MentorFlow.Core.Messaging;
using MentorFlow.Core.Settings;
using MentorFlow.Core.Year;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Core.Tests.Year;

/// <summary>
/// One district on the real SQLite engine and a fake clock. A test scripts what people do each day;
/// the harness steps the clock a day at a time (people act in the morning, the engine runs at midday),
/// with no sleeps.
/// </summary>
internal sealed class YearHarness : IDisposable
{
    public static readonly DistrictProgramSettings District = DistrictProgramSettings.ForSchoolYear("test-district", 2026);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-year-");
    private readonly Dictionary<string, int> _read = [];

    public YearHarness(DistrictProgramSettings? settings = null, Func<IOrchestrationStore, IOrchestrationStore>? wrapStore = null)
    {
        Settings = settings ?? District;
        Clock = new FakeTimeProvider(new DateTimeOffset(Settings.YearStart.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        var sqlite = new SqliteOrchestrationStore(Path.Combine(_folder.FullName, "engine.db"));
        Store = wrapStore?.Invoke(sqlite) ?? sqlite;
        Client = new OrchestrationStoreClient(Store, Clock);
        Worker = OrchestrationWorkerBuilder.Create(Store, Clock, tasks => tasks.AddPairingYear(Messenger, Ledger, Clock));
    }

    public DistrictProgramSettings Settings { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingMessenger Messenger { get; } = new();

    public InMemorySentMessageLedger Ledger { get; } = new();

    public IOrchestrationStore Store { get; }

    public DurableTaskClient Client { get; }

    public OrchestrationWorker Worker { get; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public static PairingYearSubject Subject(string id = "pairing-1", PairingTerm term = PairingTerm.FullYear, DateOnly? startsOn = null) =>
        new(id, term, startsOn ?? District.TermDates(term).Start,
            new Recipient(RecipientRole.Mentor, "Maya Mentor", "maya@district.example"),
            new Recipient(RecipientRole.Mentee, "Nico Newteacher", "nico@district.example"));

    public async Task StartAsync(PairingYearSubject subject)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(PairingYearOrchestrator.Name, new PairingYearInput(subject, Settings),
            new StartOrchestrationOptions(subject.PairingId));
        await Worker.ProcessAllDueAsync();
    }

    /// <summary>
    /// Steps day by day through <paramref name="until"/>. Each morning <paramref name="people"/> sees the day
    /// and the messages that reached the pairing since yesterday, and says what they do.
    /// </summary>
    public async Task RunUntilAsync(string pairingId, DateOnly until, Func<DateOnly, IReadOnlyList<ProgramMessage>, IEnumerable<PairingYearEvent>> people)
    {
        for (var day = Today.AddDays(1); day <= until; day = day.AddDays(1))
        {
            Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));
            var news = NewMessages(pairingId);
            var events = people(day, news).ToList();
            if (events.Count > 0 && (await Client.GetInstanceAsync(pairingId))?.RuntimeStatus is not OrchestrationRuntimeStatus.Completed)
            {
                foreach (var e in events)
                {
                    await Client.RaiseEventAsync(pairingId, PairingYearOrchestrator.EventName, e);
                }
            }

            Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            await Worker.ProcessAllDueAsync();
        }
    }

    public async Task<PairingYearStatus> StatusAsync(string pairingId) =>
        (await Client.GetInstanceAsync(pairingId))!.ReadCustomStatusAs<PairingYearStatus>()!;

    public async Task<PairingYearOutcome?> OutcomeAsync(string pairingId)
    {
        var instance = await Client.GetInstanceAsync(pairingId, getInputsAndOutputs: true);
        Assert.NotNull(instance);
        Assert.True(instance.RuntimeStatus != OrchestrationRuntimeStatus.Failed, $"the year failed: {instance.FailureDetails}\n{instance.FailureDetails?.StackTrace}");
        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<PairingYearOutcome>() : null;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private List<ProgramMessage> NewMessages(string pairingId)
    {
        var all = Messenger.Sent.Where(m => m.PairingId == pairingId).ToList();
        _read.TryGetValue(pairingId, out var seen);
        _read[pairingId] = all.Count;
        return all.Skip(seen).ToList();
    }
}
